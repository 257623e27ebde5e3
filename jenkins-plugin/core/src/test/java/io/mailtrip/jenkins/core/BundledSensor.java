package io.mailtrip.jenkins.core;

import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;

/** The sensor the checked-in Jenkins files are generated from, found as every host finds it. */
final class BundledSensor {

    static final String ID = "smtp-pop3-roundtrip";
    static final SensorProvider PROVIDER = SensorProviders.load(BundledSensor.class.getClassLoader()).require(ID);
    static final SensorDescriptor DESCRIPTOR = PROVIDER.descriptor();

    private BundledSensor() {
    }
}
