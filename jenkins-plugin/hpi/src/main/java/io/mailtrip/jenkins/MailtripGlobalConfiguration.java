package io.mailtrip.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The global defaults and the sensor instances, configured on Manage Jenkins → System (and as
 * {@code mailtrip} in JCasC). An instance's empty field inherits the global default.
 */
@Extension
@Symbol("mailtrip")
public class MailtripGlobalConfiguration extends GlobalConfiguration {

    private SensorDefaults defaults = new SensorDefaults();
    private List<SensorInstanceConfig> sensors = new ArrayList<>();

    public MailtripGlobalConfiguration() {
        load();
    }

    public static MailtripGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(MailtripGlobalConfiguration.class);
    }

    /** Never null: a configuration saved before there were defaults reads as "no defaults". */
    public SensorDefaults getDefaults() {
        return defaults == null ? new SensorDefaults() : defaults;
    }

    @DataBoundSetter
    public void setDefaults(SensorDefaults defaults) {
        this.defaults = defaults == null ? new SensorDefaults() : defaults;
        save();
        MailtripRuns.get().configurationChanged();
    }

    public List<SensorInstanceConfig> getSensors() {
        return sensors;
    }

    @DataBoundSetter
    public void setSensors(List<SensorInstanceConfig> sensors) {
        this.sensors = sensors == null ? new ArrayList<>() : new ArrayList<>(sensors);
        save();
        MailtripRuns.get().configurationChanged();
    }

    /**
     * Reads the defaults, then each instance over them, through core's binding, so a form that cannot
     * run is never saved; nothing is saved unless all of it binds.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws Descriptor.FormException {
        SensorDefaults submittedDefaults = SensorDefaults.fromForm(json.optJSONObject("defaults"));
        Object submitted = json.opt("sensors");
        List<JSONObject> items = new ArrayList<>();
        if (submitted instanceof JSONObject one) {
            items.add(one);
        } else if (submitted instanceof JSONArray many) {
            for (Object item : many) {
                items.add((JSONObject) item);
            }
        }
        List<SensorInstanceConfig> configs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JSONObject item : items) {
            SensorInstanceConfig config = SensorInstanceConfig.fromForm(item, submittedDefaults);
            if (!ids.add(config.getInstanceId())) {
                throw new Descriptor.FormException("instanceId: '" + config.getInstanceId()
                        + "' is used by two sensors", "instanceId");
            }
            configs.add(config);
        }
        this.defaults = submittedDefaults;
        setSensors(configs);
        return true;
    }
}
