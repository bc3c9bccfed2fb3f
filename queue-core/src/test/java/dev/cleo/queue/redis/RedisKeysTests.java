/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.Texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisKeysTests {

	private final RedisKeys keys = new RedisKeys("cleo");

	@Test
	void queueKeysCarryTheQueueAsHashTag() {
		assertThat(this.keys.key("emails", "ready")).isEqualTo("cleo:{emails}:ready");
		assertThat(this.keys.key("emails", "dead")).isEqualTo("cleo:{emails}:dead");
		assertThat(this.keys.queuePrefix("emails")).isEqualTo("cleo:{emails}:");
	}

	@Test
	void taskAndLogKeysEndWithTheId() {
		assertThat(this.keys.task("emails", "42")).isEqualTo("cleo:{emails}:t:42");
		assertThat(this.keys.logs("emails", "42")).isEqualTo("cleo:{emails}:logs:42");
	}

	@Test
	void customPrefixStartsEveryKey() {
		RedisKeys custom = new RedisKeys("shop-eu.1");
		assertThat(custom.prefix()).isEqualTo("shop-eu.1");
		assertThat(custom.task("orders", "7")).isEqualTo("shop-eu.1:{orders}:t:7");
	}

	@Test
	void prefixWithAColonOrBraceIsRejected() {
		for (String prefix : new String[] { "a:b", "a{b}", "", "x".repeat(51) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new RedisKeys(prefix))
				.withMessage("Key prefix " + Texts.quote(prefix)
						+ " is invalid: use 1 to 50 letters, digits, '.', '_' or '-'");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new RedisKeys(null))
			.withMessageContaining("Key prefix null is invalid");
	}

	@Test
	void queueNameThatWouldBreakTheHashTagIsRejected() {
		for (String queue : new String[] { "a:b", "{emails}", "a}b", "", "with space", "q".repeat(101) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> RedisKeys.checkQueueName(queue))
				.withMessage("Queue name " + Texts.quote(queue)
						+ " is invalid: use 1 to 100 letters, digits, '.', '_' or '-'");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> RedisKeys.checkQueueName(null));
	}

	@Test
	void validQueueNamesPass() {
		assertThat(RedisKeys.checkQueueName("emails.eu_1-high")).isEqualTo("emails.eu_1-high");
		assertThat(RedisKeys.checkQueueName("q".repeat(100))).hasSize(100);
	}

}
