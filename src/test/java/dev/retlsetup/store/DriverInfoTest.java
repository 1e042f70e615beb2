package dev.retlsetup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DriverInfoTest {
    @Test
    void driverVersionComesFromTheDriverJar() {
        assertEquals("3.4.5", DriverInfo.version());
    }
}
