/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Application contexts share one Redis: a call on producer-only instance A runs on worker
 * instance B, and a task of an instance that stops runs again on another.
 */
@RedisTest
class TwoInstancesTests {

	private ApplicationContextRunner producer;

	private ApplicationContextRunner worker;

	@BeforeEach
	void setUp(RedisServer redis) {
		ApplicationContextRunner instance = CleoRunners.cleo(redis, "cleo.worker.shutdown-timeout=1s")
			.withBean(Ran.class)
			.withBean(Translator.class);
		this.producer = instance.withPropertyValues("cleo.worker.enabled=false");
		this.worker = instance;
	}

	@Test
	void callOnProducerRunsOnWorker() {
		this.producer.run((a) -> this.worker.run((b) -> {
			a.getBean(Translator.class).translate(new Phrase("hello", "fr"));
			await().untilAsserted(() -> assertThat(b.getBean(Ran.class).phrases).containsExactly("hello:fr"));
			assertThat(a.getBean(Ran.class).phrases).isEmpty();
		}));
	}

	@Test
	void producerFutureCompletesWithTheWorkersResult() {
		this.producer.run((a) -> this.worker.run((b) -> {
			CompletableFuture<Phrase> result = a.getBean(Translator.class).translated(new Phrase("hello", "fr"));
			assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(new Phrase("bonjour", "fr"));
			assertThat(b.getBean(Ran.class).phrases).containsExactly("hello:fr");
			assertThat(a.getBean(Ran.class).phrases).isEmpty();
		}));
	}

	@Test
	void taskOfAnInstanceThatStopsMidwayRunsAgainOnAnother() {
		this.producer.run((a) -> {
			this.worker.run((b) -> {
				a.getBean(Translator.class).slow(new Phrase("hello", "fr"));
				await().untilAsserted(() -> assertThat(b.getBean(Ran.class).started).containsExactly("hello"));
			});
			// b stopped while the task ran: it handed the task back, and c runs it.
			this.worker.run((c) -> await()
				.untilAsserted(() -> assertThat(c.getBean(Ran.class).phrases).containsExactly("hello:fr")));
		});
	}

	record Phrase(String text, String language) {
	}

	/** The calls one instance ran. */
	static class Ran {

		final List<String> phrases = new CopyOnWriteArrayList<>();

		final List<String> started = new CopyOnWriteArrayList<>();

	}

	@QueueClass(queue = "translations")
	public static class Translator {

		static final AtomicBoolean FIRST_SLOW_CALL = new AtomicBoolean(true);

		private final Ran ran;

		public Translator(Ran ran) {
			this.ran = ran;
		}

		public void translate(Phrase phrase) {
			this.ran.phrases.add(phrase.text() + ":" + phrase.language());
		}

		/**
		 * The first call ever blocks until its instance stops; later ones translate.
		 */
		public void slow(Phrase phrase) throws InterruptedException {
			if (FIRST_SLOW_CALL.compareAndSet(true, false)) {
				this.ran.started.add(phrase.text());
				new CountDownLatch(1).await();
			}
			translate(phrase);
		}

		public CompletableFuture<Phrase> translated(Phrase phrase) {
			translate(phrase);
			return CompletableFuture.completedFuture(new Phrase("bonjour", phrase.language()));
		}

	}

}
