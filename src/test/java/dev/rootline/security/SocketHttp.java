package dev.rootline.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** An HTTP/1.1 request written byte by byte, for headers no client library would send (an empty value). */
final class SocketHttp {

    private SocketHttp() {}

    /** The status line of the answer, or "no answer" when none came within 5 s. */
    static String statusLine(URL base, String path, String... headerLines) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            return status == null ? "no answer" : status;
        } catch (SocketTimeoutException e) {
            return "no answer";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
