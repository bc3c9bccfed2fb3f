/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every script of the catalogue, with its includes, is Lua that a real Redis compiles,
 * and Redis names it by the digest Cleo sends with {@code EVALSHA}.
 */
@RedisTest
class LuaCatalogueRedisTests {

	@Test
	void everyScriptLoadsIntoRedisUnderTheDigestCleoSends(RedisServer redis) {
		RedisClient client = RedisClient.create(redis.uri());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			Script.loadAll()
				.forEach((script, lua) -> assertThat(connection.sync().scriptLoad(lua.source())).as(script.file())
					.isEqualTo(lua.sha()));
		}
		finally {
			client.shutdown();
		}
	}

}
