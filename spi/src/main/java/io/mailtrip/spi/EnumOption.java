package io.mailtrip.spi;

/**
 * One accepted value of an {@link SettingType#ENUM} setting.
 *
 * @param value the value written in configuration ({@code enforceStartTls})
 * @param label what a form shows ("Enforce transport-level security using STARTTLS")
 */
public record EnumOption(String value, String label) {
}
