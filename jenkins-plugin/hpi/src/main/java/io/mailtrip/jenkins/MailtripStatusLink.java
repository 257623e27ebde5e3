package io.mailtrip.jenkins;

import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.mailtrip.jenkins.core.StatusViewModel;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Locale;

/** Manage Jenkins → Mail round trip: the status of every sensor instance, and "run now". */
@Extension
public final class MailtripStatusLink extends ManagementLink {

    @Override
    public String getIconFileName() {
        return "symbol-mail-outline plugin-ionicons-api";
    }

    @Override
    public String getDisplayName() {
        return "Mail round trip";
    }

    @Override
    public String getDescription() {
        return "Status and history of the mailtrip sensors.";
    }

    @Override
    public String getUrlName() {
        return "mailtrip";
    }

    @Override
    public Category getCategory() {
        return Category.STATUS;
    }

    @Override
    public Permission getRequiredPermission() {
        return Jenkins.ADMINISTER;
    }

    /** The page's rows, the sensor's name in the viewer's locale (the JVM's outside a request). */
    public StatusViewModel getView() {
        StaplerRequest2 request = Stapler.getCurrentRequest2();
        return MailtripRuns.get().view(request == null ? Locale.getDefault() : request.getLocale());
    }

    /** Starts one instance in the background; the page shows the result on reload. */
    @POST
    public HttpResponse doRunNow(@QueryParameter String id) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        MailtripRuns.get().run(id, new PrintStream(OutputStream.nullOutputStream()));
        return HttpResponses.redirectToDot();
    }
}
