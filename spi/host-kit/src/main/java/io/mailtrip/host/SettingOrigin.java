package io.mailtrip.host;


/**
 * Where a resolved value came from.
 *
 * @param level {@code sensor}, {@code device}, {@code group}, {@code root} (a host's own level names),
 *              or {@value #DEFAULT_LEVEL} for the metadata default
 * @param name  the object at that level ({@code mx1}), empty for the default
 */
public record SettingOrigin(String level, String name) {

    public static final String DEFAULT_LEVEL = "default";

    public static SettingOrigin metadataDefault() {
        return new SettingOrigin(DEFAULT_LEVEL, "");
    }

    /** {@code device mx1}, {@code default}. */
    public String describe() {
        return name.isEmpty() ? level : level + " " + name;
    }
}
