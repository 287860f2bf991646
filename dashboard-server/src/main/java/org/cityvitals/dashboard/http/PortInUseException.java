package org.cityvitals.dashboard.http;

/** The HTTP port is held by another process; the message names the port and the flag that moves the server. */
public final class PortInUseException extends IllegalStateException {

    public PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " (dashboard HTTP) is already in use; free it or choose another with"
                + " --port", cause);
    }
}
