package io.mailtrip.jenkins.core;

import java.util.List;

/**
 * A titled group of form fields, one per SPI setting section.
 *
 * @param title  the section label from the metadata; empty for the untitled host fields at the top
 * @param fields fields in display order
 */
public record FormSection(String title, List<FormField> fields) {

    public FormSection {
        fields = List.copyOf(fields);
    }
}
