/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The one pub/sub owner on a real Redis: delivers to the listener of each channel and
 * pattern, is subscribed again after its connection dropped, never makes a caller wait
 * for the connect, and closes what it opened.
 */
@RedisTest
class RedisSubscriptionsTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final List<String> received = new CopyOnWriteArrayList<>();

	private RedisClient client;

	private StatefulRedisConnection<String, String> publisherConnection;

	private RedisCommands<String, String> publisher;

	private RedisConnector connector;

	private RedisSubscriptions subscriptions;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.client = redis.newClient();
		this.publisherConnection = this.client.connect();
		this.publisher = this.publisherConnection.sync();
		this.connector = RedisConnector.of(this.client, false);
		this.subscriptions = new RedisSubscriptions(this.connector, "test-subscriptions");
	}

	@AfterEach
	void tearDown() {
		this.subscriptions.close();
		this.connector.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

	@Test
	void messagesReachTheListenerOfTheirChannel() throws Exception {
		this.subscriptions.subscribe("cleo:{a}:finished", (channel, message) -> this.received.add("a " + message))
			.get(10, TimeUnit.SECONDS);
		this.subscriptions.subscribe("cleo:{b}:finished", (channel, message) -> this.received.add("b " + message))
			.get(10, TimeUnit.SECONDS);
		this.publisher.publish("cleo:{a}:finished", "1");
		this.publisher.publish("cleo:{b}:finished", "2");
		this.publisher.publish("cleo:{c}:finished", "3");
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.received).containsExactlyInAnyOrder("a 1", "b 2"));
	}

	@Test
	void patternListenerHearsEachMatchingChannel() throws Exception {
		this.subscriptions.psubscribe("cleo:*:sched-wake", (channel, message) -> this.received.add(channel))
			.get(10, TimeUnit.SECONDS);
		this.publisher.publish("cleo:{a}:sched-wake", "x");
		this.publisher.publish("cleo:{a}:finished", "x");
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.received).containsExactly("cleo:{a}:sched-wake"));
	}

	@Test
	void subscribingAgainReusesTheSubscriptionAndUnsubscribingEndsIt() throws Exception {
		CompletableFuture<Void> first = this.subscriptions.subscribe("c",
				(channel, message) -> this.received.add(message));
		first.get(10, TimeUnit.SECONDS);
		assertThat(this.subscriptions.subscribe("c", (channel, message) -> this.received.add(message))).isSameAs(first);
		this.subscriptions.unsubscribe("c").get(10, TimeUnit.SECONDS);
		assertThat(this.publisher.publish("c", "gone")).isZero();
		assertThat(this.received).isEmpty();
	}

	@Test
	void subscribedAgainAfterItsConnectionIsKilled() throws Exception {
		this.subscriptions.subscribe("c", (channel, message) -> this.received.add(message)).get(10, TimeUnit.SECONDS);
		assertThat(this.publisher.clientKill(KillArgs.Builder.typePubsub())).isPositive();
		await().atMost(WAIT).untilAsserted(() -> {
			this.publisher.publish("c", "after");
			assertThat(this.received).contains("after");
		});
	}

	@Test
	void subscribedAgainAfterRedisRestarts(RedisServer redis) throws Exception {
		assumeThat(redis.supportsRestart()).isTrue();
		this.subscriptions.subscribe("c", (channel, message) -> this.received.add(message)).get(10, TimeUnit.SECONDS);
		redis.restart();
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
			this.publisher.publish("c", "after");
			assertThat(this.received).contains("after");
		});
	}

	@Test
	void subscriptionThatFailedWhileRedisWasAwayIsTriedAgainByTheNextCall(RedisServer redis) throws Exception {
		assumeThat(redis.supportsRestart()).isTrue();
		redis.stop();
		CompletableFuture<Void> failed = this.subscriptions.subscribe("c",
				(channel, message) -> this.received.add(message));
		await().atMost(WAIT).until(failed::isDone);
		assertThat(failed).isCompletedExceptionally();
		redis.restart();
		await().atMost(WAIT)
			.ignoreExceptions()
			.until(() -> this.subscriptions.subscribe("c", (channel, message) -> this.received.add(message))
				.get(5, TimeUnit.SECONDS) == null);
		this.publisher.publish("c", "back");
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.received).containsExactly("back"));
	}

	@Test
	void neitherSubscribingNorClosingWaitsForAConnectThatStalls() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<StatefulRedisPubSubConnection<String, String>> opened = new AtomicReference<>();
		RedisConnector stalling = new RedisConnector(this.client, false, () -> this.client.connect(StringCodec.UTF8),
				() -> {
					awaitQuietly(release);
					opened.set(this.client.connectPubSub(StringCodec.UTF8));
					return opened.get();
				});
		RedisSubscriptions stalled = new RedisSubscriptions(stalling, "test-stalled");
		try {
			long start = System.nanoTime();
			CompletableFuture<Void> first = stalled.subscribe("a", (channel, message) -> this.received.add(message));
			CompletableFuture<Void> second = stalled.psubscribe("b*", (channel, message) -> this.received.add(message));
			stalled.close();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
			assertThat(first).isNotDone();
			assertThat(second).isNotDone();
			release.countDown();
			await().atMost(WAIT).until(() -> opened.get() != null && !opened.get().isOpen());
			assertThat(first).isCompletedExceptionally();
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> stalled.subscribe("c", (channel, message) -> {
			}).get(5, TimeUnit.SECONDS)).withRootCauseInstanceOf(IllegalStateException.class);
		}
		finally {
			release.countDown();
			stalling.close();
		}
	}

	@Test
	void closeEndsTheConnectionAndLaterSubscriptionsFail() throws Exception {
		this.subscriptions.subscribe("c", (channel, message) -> this.received.add(message)).get(10, TimeUnit.SECONDS);
		assertThat(pubSubClients()).isEqualTo(1);
		this.subscriptions.close();
		await().atMost(WAIT).until(() -> pubSubClients() == 0);
		assertThat(this.subscriptions.subscribe("c", (channel, message) -> {
		})).isCompletedExceptionally();
		assertThat(this.publisher.publish("c", "none")).isZero();
	}

	private long pubSubClients() {
		return this.publisher.clientList().lines().filter((line) -> line.contains(" sub=1 ")).count();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
