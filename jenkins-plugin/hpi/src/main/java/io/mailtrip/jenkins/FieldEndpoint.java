package io.mailtrip.jenkins;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code descriptorByName/.../field/<name>/...}: the one endpoint of every generated field, whatever the
 * sensor: its live check, and for a credentials field (one per user/secret pair of any sensor, generated
 * from the metadata) its list of credentials. The instance form and the defaults form differ only in how
 * they check.
 */
public final class FieldEndpoint {

    /** How a form checks one of its fields. */
    interface Check {
        FormValidation check(String field, StaplerRequest2 req);
    }

    private final String name;
    private final Check check;

    FieldEndpoint(String name, Check check) {
        this.name = name;
        this.check = check;
    }

    /** {@code field/<name>/check}, with the fields its visibility depends on. */
    @POST
    public FormValidation doCheck(StaplerRequest2 req) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return check.check(name, req);
    }

    /**
     * {@code field/<name>/fillItems}: the generated credentials select fills itself here; the current id
     * stays listed even for a user who may not see the credentials.
     */
    @POST
    public ListBoxModel doFillItems(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(value);
        }
        return new StandardListBoxModel().includeEmptyValue()
                .includeAs(ACL.SYSTEM2, Jenkins.get(), StandardUsernamePasswordCredentials.class)
                .includeCurrentValue(value);
    }
}
