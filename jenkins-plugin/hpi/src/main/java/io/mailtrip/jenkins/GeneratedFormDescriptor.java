package io.mailtrip.jenkins;

import hudson.model.Descriptor;
import io.mailtrip.jenkins.core.HelpPages;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.lang.Klass;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the descriptors of the two generated forms share: binding a submitted form, the one endpoint of
 * every generated field ({@code field/<name>/...}: live checks and credentials lists) and the field help,
 * which core's {@link HelpPages} renders from the bundled sensors' metadata, so no help file is generated
 * or checked in.
 *
 * <p>Written against {@code hudson.model.Descriptor} of Jenkins 2.555.3 (the plugin's baseline):
 * {@code getHelpFile(String)} asks {@code getHelpFile(Klass, String)}, which {@code f:entry} uses for an entry
 * without a {@code help} attribute; {@code doHelp(StaplerRequest2, StaplerResponse2)} serves
 * {@code /descriptor/<id>/help/<rest of path>} (by default from {@code help-<path>.html} resources).
 * Only forwarding here; the path → sensor + field → HTML logic and its tests are in core.
 *
 * @param <T> the form's type
 */
public abstract class GeneratedFormDescriptor<T extends GeneratedForm<T>> extends Descriptor<T> {

    /** How a form is built from its part of the submitted page; refused with its first problem. */
    interface Binding<F> {
        F fromForm(JSONObject json) throws FormException;
    }

    // Behaviour, not configuration: never written by XStream.
    private final transient String displayName;
    private final transient Binding<T> binding;
    private final transient FieldEndpoint.Check check;
    private final transient Supplier<HelpPages> helpPages;
    private transient volatile HelpPages help;

    /**
     * The describable is the outer class of the concrete descriptor, as Jenkins' {@code Descriptor()} infers.
     *
     * @param check     how a field of the form is checked (core's {@code FieldValidation})
     * @param helpPages the form's help, from the metadata of the sensors the plugin bundles (fixed while it runs)
     */
    GeneratedFormDescriptor(String displayName, Binding<T> binding, FieldEndpoint.Check check,
                            Supplier<HelpPages> helpPages) {
        this.displayName = displayName;
        this.binding = binding;
        this.check = check;
        this.helpPages = helpPages;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public T newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        return binding.fromForm(formData);
    }

    /** {@code field/<name>/...}: the one endpoint every generated field points at. */
    public FieldEndpoint getField(String name) {
        return new FieldEndpoint(name, check);
    }

    private HelpPages help() {
        HelpPages pages = help;
        if (pages == null) {
            pages = helpPages.get();
            help = pages;
        }
        return pages;
    }

    /** A field's help URL ({@code /descriptor/<id>/help/<field>}) when the metadata has some; none for the form. */
    @Override
    public String getHelpFile(Klass<?> clazz, String fieldName) {
        return fieldName == null ? null : help().url(fieldName).orElse(null);
    }

    /**
     * Serves {@code help/<field>} and {@code help/<sensor id>/<field>} from the metadata, as Jenkins' own
     * {@code doHelp} serves a help file; any other path is 404. A GET without a permission check, like
     * Jenkins' own: it shows the sensors' setting metadata only, never a configured value.
     */
    @Override
    public void doHelp(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        Optional<String> page = help().page(req.getRestOfPath());
        if (page.isEmpty()) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        rsp.setContentType("text/html;charset=UTF-8");
        rsp.getWriter().print(page.get());
    }
}
