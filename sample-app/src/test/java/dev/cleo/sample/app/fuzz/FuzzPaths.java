/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.fuzz;

/**
 * Path tricks for the fuzz test: traversal, encoded and doubled separators, matrix
 * parameters, bad percent-encoding, raw bytes no client would send, absolute and asterisk
 * forms, and targets longer than a server reads.
 */
final class FuzzPaths {

	private FuzzPaths() {
	}

	static String trick(FuzzValues values, String target) {
		return switch (values.nextInt(16)) {
			case 0 -> target + "/";
			case 1 -> "/" + target;
			case 2 -> target.replaceFirst("/", "/./");
			case 3 -> target + "/../../api/status";
			case 4 -> target + ";jsessionid=abc";
			case 5 -> target.replace("/", "%2F");
			case 6 -> target + "/%2e%2e/%2e%2e/actuator/env";
			case 7 -> target.replace("/", "\\");
			case 8 -> target.toUpperCase();
			case 9 -> target + "?a=%zz&b=%";
			case 10 -> target + "#fragment";
			case 11 -> "*";
			case 12 -> "http://localhost" + target;
			case 13 -> target + "/" + "x".repeat(values.nextInt(12_000));
			case 14 -> target + "é\u0001";
			default -> target + " HTTP/1.0\r\nX-Injected: 1\r\n";
		};
	}

}
