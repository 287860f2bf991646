package org.cityvitals.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers: tests pick free ports, the demo fails fast on a taken one. */
public final class Ports {

    private Ports() {}

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Fails with a message naming the port, who wanted it, and the flag that moves it.
     *
     * @throws PortInUseException when something already listens there
     */
    public static void requireFree(int port, String service, String flag) {
        if (!isFree(port)) {
            throw new PortInUseException(port, service, flag);
        }
    }

    /** A port the stack needs is held by another process. */
    public static final class PortInUseException extends IllegalStateException {
        public PortInUseException(int port, String service, String flag) {
            super("port " + port + " (" + service + ") is already in use; free it or choose another with " + flag);
        }
    }
}
