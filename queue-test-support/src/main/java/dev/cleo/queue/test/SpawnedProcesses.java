package dev.cleo.queue.test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@link RedisProcess} not yet closed, closed by a JVM shutdown hook: a forgotten
 * {@code redis-server} would outlive the test run and hold its port.
 */
final class SpawnedProcesses {

	private static final Set<RedisProcess> live = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(SpawnedProcesses::closeAll, "cleo-redis-server-reaper"));
	}

	private SpawnedProcesses() {
	}

	static void register(RedisProcess process) {
		live.add(process);
	}

	static void unregister(RedisProcess process) {
		live.remove(process);
	}

	private static void closeAll() {
		for (RedisProcess process : List.copyOf(live)) {
			process.close();
		}
	}

}
