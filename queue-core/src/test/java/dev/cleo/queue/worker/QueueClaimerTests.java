/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QueueClaimerTests {

	private static final int DRAWS = 10_000;

	@Test
	void weightedOrderPicksFirstInProportionToTheWeights() {
		Map<String, Integer> weights = weights(60, 30, 10);
		Random random = new Random(42);
		Map<String, Integer> firsts = new HashMap<>();
		for (int i = 0; i < DRAWS; i++) {
			firsts.merge(QueueClaimer.weightedOrder(weights, random).get(0), 1, Integer::sum);
		}
		assertThat(share(firsts, "high")).isCloseTo(0.60, within(0.03));
		assertThat(share(firsts, "normal")).isCloseTo(0.30, within(0.03));
		assertThat(share(firsts, "low")).isCloseTo(0.10, within(0.03));
	}

	@Test
	void weightedOrderContainsEveryQueueOnce() {
		Map<String, Integer> weights = weights(60, 30, 10);
		Random random = new Random(7);
		for (int i = 0; i < 1_000; i++) {
			assertThat(QueueClaimer.weightedOrder(weights, random)).containsExactlyInAnyOrder("high", "normal", "low");
		}
	}

	@Test
	void weightedOrderDrawsTheSecondQueueAmongThoseLeft() {
		Map<String, Integer> weights = weights(60, 30, 10);
		Random random = new Random(11);
		int normalAfterHigh = 0;
		int highFirst = 0;
		for (int i = 0; i < DRAWS; i++) {
			List<String> order = QueueClaimer.weightedOrder(weights, random);
			if (order.get(0).equals("high")) {
				highFirst++;
				normalAfterHigh += order.get(1).equals("normal") ? 1 : 0;
			}
		}
		assertThat((double) normalAfterHigh / highFirst).isCloseTo(0.75, within(0.03));
	}

	@Test
	void strictOrderIsTheConfiguredOrder() {
		WorkerPoolOptions options = WorkerPoolOptions.builder()
			.queue("low", 10)
			.queue("high", 60)
			.queue("normal", 30)
			.build();
		QueueClaimer claimer = new QueueClaimer(null, options, "worker", new Random(1));
		assertThat(claimer.order()).containsExactly("low", "high", "normal");
	}

	private static Map<String, Integer> weights(int high, int normal, int low) {
		Map<String, Integer> weights = new LinkedHashMap<>();
		weights.put("high", high);
		weights.put("normal", normal);
		weights.put("low", low);
		return weights;
	}

	private static double share(Map<String, Integer> counts, String queue) {
		return counts.getOrDefault(queue, 0) / (double) DRAWS;
	}

}
