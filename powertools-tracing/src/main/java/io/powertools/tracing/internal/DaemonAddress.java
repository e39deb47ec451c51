package io.powertools.tracing.internal;

import io.powertools.core.config.ConfigurationException;
import java.net.InetSocketAddress;

/**
 * Reads {@code AWS_XRAY_DAEMON_ADDRESS}: {@code host:port}, or {@code tcp:host:port udp:host:port}
 * in either order (Lambda sets the plain form). Only the UDP address is used: segment documents
 * go to the daemon over UDP.
 */
public final class DaemonAddress {

    /** The variable Lambda sets when active tracing is on. */
    public static final String VARIABLE = "AWS_XRAY_DAEMON_ADDRESS";
    /** Where the daemon listens when the variable is not set. */
    public static final String DEFAULT = "127.0.0.1:2000";
    private static final String ALLOWED = "host:port (e.g. 127.0.0.1:2000) or 'tcp:host:port udp:host:port'";

    private DaemonAddress() {
    }

    /**
     * Parses an address.
     *
     * @param value the value of {@code AWS_XRAY_DAEMON_ADDRESS}
     * @return the UDP address, resolved
     * @throws ConfigurationException naming the variable, the value and the allowed forms
     */
    public static InetSocketAddress parse(String value) {
        String trimmed = value.trim();
        String udp = trimmed;
        if (trimmed.contains(" ")) {
            udp = null;
            for (String part : trimmed.split("\\s+")) {
                if (part.startsWith("udp:")) {
                    udp = part.substring(4);
                } else if (!part.startsWith("tcp:")) {
                    throw ConfigurationException.invalidValue(VARIABLE, value, ALLOWED);
                }
            }
            if (udp == null) {
                throw ConfigurationException.invalidValue(VARIABLE, value, ALLOWED);
            }
        } else if (trimmed.startsWith("udp:")) {
            udp = trimmed.substring(4);
        }
        int colon = udp.lastIndexOf(':');
        if (colon <= 0 || colon == udp.length() - 1) {
            throw ConfigurationException.invalidValue(VARIABLE, value, ALLOWED);
        }
        int port;
        try {
            port = Integer.parseInt(udp.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw ConfigurationException.invalidValue(VARIABLE, value, ALLOWED);
        }
        if (port < 1 || port > 65_535) {
            throw ConfigurationException.invalidValue(VARIABLE, value, ALLOWED + " with a port from 1 to 65535");
        }
        InetSocketAddress address = new InetSocketAddress(udp.substring(0, colon), port);
        if (address.isUnresolved()) {
            throw ConfigurationException.invalidValue(VARIABLE, value, ALLOWED + " whose host resolves");
        }
        return address;
    }
}
