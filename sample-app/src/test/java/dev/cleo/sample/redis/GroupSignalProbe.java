/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.redis;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM for {@link EmbeddedRedisTests}: starts an {@link EmbeddedRedis}, says
 * {@code ready}, and when a signal ends the JVM, reports from its shutdown hook (where an
 * application drains its worker pools) whether the server was still running two seconds
 * after the signal, then stops it.
 */
public final class GroupSignalProbe {

	private GroupSignalProbe() {
	}

	public static void main(String[] args) throws InterruptedException {
		EmbeddedRedis redis = EmbeddedRedis.start();
		ProcessHandle server = ProcessHandle.of(redis.pid()).orElseThrow();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			boolean alive;
			try {
				server.onExit().get(2, TimeUnit.SECONDS);
				alive = false;
			}
			catch (TimeoutException ex) {
				alive = true;
			}
			catch (Exception ex) {
				alive = server.isAlive();
			}
			System.out.println("redis alive at drain: " + alive);
			System.out.flush();
			redis.close();
		}));
		System.out.println("ready " + redis.pid());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
