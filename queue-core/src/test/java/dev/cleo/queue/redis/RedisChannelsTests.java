/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisChannelsTests {

	private final RedisChannels channels = new RedisChannels(new RedisKeys("cleo"));

	@Test
	void channelsAreNamedLikeKeysOfTheirQueue() {
		assertThat(this.channels.finished("emails")).isEqualTo("cleo:{emails}:finished");
		assertThat(this.channels.scheduleWake("emails")).isEqualTo("cleo:{emails}:sched-wake");
	}

	@Test
	void channelsAreRecognisedWithTheirQueue() {
		assertThat(this.channels.isFinished("cleo:{emails}:finished")).isTrue();
		assertThat(this.channels.isScheduleWake("cleo:{emails}:sched-wake")).isTrue();
		assertThat(this.channels.isScheduleWake("cleo:{emails}:finished")).isFalse();
		assertThat(this.channels.isFinished("cleo:{emails}:sched-wake")).isFalse();
		assertThat(this.channels.queueOf("cleo:{a.b-c_1}:finished")).contains("a.b-c_1");
		assertThat(this.channels.queueOf("cleo:{emails}:sched-wake")).contains("emails");
	}

	@Test
	void channelsOfAnotherPrefixOrKindAreNotRecognised() {
		assertThat(this.channels.queueOf("shop:{emails}:finished")).isEmpty();
		assertThat(this.channels.queueOf("cleo:{emails}:ready")).isEmpty();
		assertThat(this.channels.queueOf("cleo:{}:finished")).isEmpty();
		assertThat(this.channels.queueOf("cleo:{a}:{b}:finished")).isEmpty();
		assertThat(this.channels.queueOf("x:cleo:{emails}:sched-wake")).isEmpty();
		assertThat(this.channels.queueOf(null)).isEmpty();
	}

	@Test
	void customPrefixStartsEveryChannel() {
		RedisChannels custom = new RedisChannels(new RedisKeys("shop-eu.1"));
		assertThat(custom.finished("orders")).isEqualTo("shop-eu.1:{orders}:finished");
		assertThat(custom.isFinished("shop-eu.1:{orders}:finished")).isTrue();
		assertThat(custom.isFinished("cleo:{orders}:finished")).isFalse();
	}

}
