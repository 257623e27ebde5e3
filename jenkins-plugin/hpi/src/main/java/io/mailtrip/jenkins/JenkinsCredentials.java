package io.mailtrip.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.security.ACL;
import io.mailtrip.jenkins.core.CredentialsLookup;
import io.mailtrip.jenkins.core.UsernamePassword;
import jenkins.model.Jenkins;

import java.util.List;
import java.util.Optional;

/**
 * Answers core's credentials lookups from Jenkins' credentials store: global username-with-password
 * credentials, looked up as SYSTEM because the sensors run in the background, not for a user.
 */
final class JenkinsCredentials implements CredentialsLookup {

    static final JenkinsCredentials SYSTEM = new JenkinsCredentials();

    private JenkinsCredentials() {
    }

    static List<StandardUsernamePasswordCredentials> all() {
        return CredentialsProvider.lookupCredentialsInItemGroup(StandardUsernamePasswordCredentials.class,
                Jenkins.get(), ACL.SYSTEM2, List.of());
    }

    @Override
    public Optional<UsernamePassword> find(String credentialsId) {
        return Optional.ofNullable(CredentialsMatchers.firstOrNull(all(), CredentialsMatchers.withId(credentialsId)))
                .map(c -> new UsernamePassword(c.getUsername(), c.getPassword().getPlainText()));
    }
}
