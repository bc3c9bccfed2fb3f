/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.group.GroupOrder;
import dev.cleo.queue.group.GroupOverflow;
import dev.cleo.queue.group.GroupProcessingStrategy;
import dev.cleo.queue.group.GroupRateLimit;
import dev.cleo.queue.group.GroupSettings;
import dev.cleo.queue.redis.GroupSettingsHash.Entry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group settings hash in Java: the stored form of each change, byte for byte, and the
 * settings read back from it (what the scripts make of it: the group tests).
 */
class GroupSettingsHashTests {

	private static final GroupRateLimit FIVE_PER_SECOND = GroupRateLimit.of(5, Duration.ofSeconds(1));

	@Test
	void eachQueueWideChangeIsStoredUnderItsField() {
		assertThat(GroupSettingsHash.write(new GroupSettingChange.Concurrency(3))).isEqualTo(entry("concurrency", "3"));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.Strategy(GroupProcessingStrategy.PRIORITY)))
			.isEqualTo(entry("strategy", "PRIORITY"));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.Order(GroupOrder.LIFO)))
			.isEqualTo(entry("order", "LIFO"));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.MaxSize(0))).isEqualTo(entry("max-size", "0"));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.Overflow(GroupOverflow.DROP_OLDEST)))
			.isEqualTo(entry("overflow", "DROP_OLDEST"));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.RateLimit(FIVE_PER_SECOND)))
			.isEqualTo(entry("rate", "5/1000"));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.RateLimit(null))).isEqualTo(entry("rate", ""));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.HeldForRetries(false)))
			.isEqualTo(entry("retry-holds", "0"));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.HeldForRetries(true)))
			.isEqualTo(entry("retry-holds", "1"));
	}

	@Test
	void aGroupsOwnChangeIsStoredUnderItsFieldWithTheGroupsName() {
		assertThat(GroupSettingsHash.write(new GroupSettingChange.OwnPriority("vip", 10)))
			.isEqualTo(entry("priority:vip", "10"));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.OwnMaxSize("vip", 7)))
			.isEqualTo(entry("max-size:vip", "7"));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.OwnMaxSize("vip", -1)))
			.isEqualTo(entry("max-size:vip", ""));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.OwnRateLimit("vip", FIVE_PER_SECOND)))
			.isEqualTo(entry("rate:vip", "5/1000"));
		assertThat(GroupSettingsHash.write(new GroupSettingChange.OwnRateLimit("vip", null)))
			.isEqualTo(entry("rate:vip", ""));
	}

	@Test
	void anEmptyHashReadsAsTheDefaults() {
		assertThat(GroupSettingsHash.read(Map.of())).isEqualTo(new GroupSettings(GroupProcessingStrategy.ROUND_ROBIN,
				GroupOrder.FIFO, 1, 0, GroupOverflow.FAIL, null, true));
	}

	@Test
	void whatIsWrittenReadsBack() {
		Map<String, String> stored = Map.of("strategy", "FIFO", "order", "PRIORITY", "concurrency", "4", "max-size",
				"100", "overflow", "DROP_OLDEST", "rate", "5/1000", "retry-holds", "0");
		assertThat(GroupSettingsHash.read(stored)).isEqualTo(new GroupSettings(GroupProcessingStrategy.FIFO,
				GroupOrder.PRIORITY, 4, 100, GroupOverflow.DROP_OLDEST, FIVE_PER_SECOND, false));
	}

	@Test
	void aGroupsOwnRateLimitComesBeforeTheQueues() {
		assertThat(GroupSettingsHash.rateLimit("2/50", "5/1000"))
			.isEqualTo(GroupRateLimit.of(2, Duration.ofMillis(50)));
		assertThat(GroupSettingsHash.rateLimit(null, "5/1000")).isEqualTo(FIVE_PER_SECOND);
		assertThat(GroupSettingsHash.rateLimit(null, null)).isNull();
	}

	private static Entry entry(String field, String value) {
		return new Entry(field, value);
	}

}
