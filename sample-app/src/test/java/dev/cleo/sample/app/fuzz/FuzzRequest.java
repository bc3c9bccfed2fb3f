/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated HTTP/1.1 request, written byte for byte as given (a raw request line can
 * carry what no HTTP client would send).
 *
 * @param endpoint the endpoint it aims at, such as {@code POST
 * /actuator/queues/{name}/{action}}, for the report
 * @param method the method
 * @param target the request target, unencoded where the generator chose so
 * @param headers headers besides {@code Host}, {@code Connection} and
 * {@code Content-Length}
 * @param body the body, empty for none
 */
record FuzzRequest(String endpoint, String method, String target, Map<String, String> headers, byte[] body) {

	byte[] toBytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(this.body.length + 512);
		StringBuilder head = new StringBuilder();
		head.append(this.method).append(' ').append(this.target).append(" HTTP/1.1\r\n");
		head.append("Host: localhost\r\nConnection: close\r\n");
		this.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Length: ").append(this.body.length).append("\r\n\r\n");
		out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(this.body);
		return out.toByteArray();
	}

	/** What a failure report shows: bounded, since bodies run to megabytes. */
	String describe() {
		String shownBody = new String(this.body, 0, Math.min(this.body.length, 300), StandardCharsets.ISO_8859_1);
		String shownTarget = (this.target.length() > 300) ? this.target.substring(0, 300) + "..." : this.target;
		return this.method + " " + shownTarget + " " + this.headers + " body(" + this.body.length + " bytes): "
				+ shownBody.replaceAll("\\p{Cntrl}", "?");
	}

}
