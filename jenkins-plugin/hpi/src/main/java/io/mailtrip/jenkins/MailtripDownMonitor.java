package io.mailtrip.jenkins;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import io.mailtrip.jenkins.core.StatusViewModel;

import java.util.List;
import java.util.Locale;

/** The standard admin warning while any sensor instance's last run was DOWN. */
@Extension
public final class MailtripDownMonitor extends AdministrativeMonitor {

    @Override
    public String getDisplayName() {
        return "Mail round trip DOWN";
    }

    @Override
    public boolean isActivated() {
        return !getDownInstanceIds().isEmpty();
    }

    public List<String> getDownInstanceIds() {
        StatusViewModel view = MailtripRuns.get().view(Locale.ROOT);
        return view.downInstanceIds();
    }
}
