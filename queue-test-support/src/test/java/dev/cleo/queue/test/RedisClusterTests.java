package dev.cleo.queue.test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A started {@link RedisCluster} serves every slot on three masters, and closing it ends
 * the processes and deletes their directories.
 */
class RedisClusterTests {

	@Test
	void startsThreeMastersServingAllSlotsAndCloseEndsThem() {
		RedisCluster cluster = startOrSkip();
		try {
			assertThat(cluster.nodeUris()).hasSize(3).doesNotHaveDuplicates();
			assertThat(cluster.isRunning()).isTrue();
			RedisClusterClient client = cluster.newClient();
			try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
				assertThat(client.getPartitions().getPartitions()).hasSize(3);
				for (String key : List.of("{a}", "{b}", "{c}", "{d}", "{e}")) {
					connection.sync().set(key, "v");
					assertThat(connection.sync().get(key)).isEqualTo("v");
				}
			}
			finally {
				client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			}
		}
		finally {
			cluster.close();
		}
		assertThat(cluster.isRunning()).isFalse();
		assertThat(cluster.directories()).noneMatch(Files::exists);
	}

	private static RedisCluster startOrSkip() {
		RedisCluster.assumeAvailable();
		return RedisCluster.start();
	}

}
