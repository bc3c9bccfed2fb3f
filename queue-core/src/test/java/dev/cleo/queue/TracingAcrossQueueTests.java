/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trace started on one instance (a producer's HTTP request, say) continues in the
 * worker that runs the task on another: two managers on one Redis, each with a tracer of
 * its own (Micrometer's test tracer), so only what the task carries links them.
 */
@QueueManagerTest
class TracingAcrossQueueTests {

	private final SimpleTracer producerTracer = new SimpleTracer();

	private final SimpleTracer workerTracer = new SimpleTracer();

	private final ObservationRegistry producerRegistry = tracing(this.producerTracer);

	private final ObservationRegistry workerRegistry = tracing(this.workerTracer);

	@Test
	void attemptContinuesTheTraceOfTheEnqueueOnAnotherInstance(QueueManagers managers) {
		QueueManager producer = managers.build((builder) -> builder.observationRegistry(this.producerRegistry));
		QueueManager worker = managers.build((builder) -> builder.observationRegistry(this.workerRegistry));
		AtomicReference<Span> current = new AtomicReference<>();
		worker.register("ship", (task) -> {
			current.set(this.workerTracer.currentSpan());
			Observation.createNotStarted("inner.work", this.workerRegistry).observe(() -> {
			});
			return null;
		});
		Observation request = Observation.start("http.server.requests", this.producerRegistry);
		TaskHandle<Object> handle;
		try (Observation.Scope scope = request.openScope()) {
			handle = producer.enqueue("ship", "parcel", TaskOptions.defaults().queue("traced"));
		}
		request.stop();
		worker.startWorkers(WorkerPoolOptions.builder().queue("traced").build());
		await().atMost(Duration.ofSeconds(10)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		SimpleSpan http = span(this.producerTracer, "http.server.requests");
		SimpleSpan enqueue = span(this.producerTracer, "enqueue traced");
		assertThat(enqueue.getKind()).isEqualTo(Span.Kind.PRODUCER);
		assertThat(enqueue.getTraceId()).isEqualTo(http.getTraceId()).isNotEmpty();
		assertThat(enqueue.getSpanId()).isNotEmpty();
		assertThat(enqueue.getParentId()).isEqualTo(http.getSpanId());
		assertThat(enqueue.getTags()).containsEntry("queue", "traced").containsEntry("task", "ship");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.workerTracer.getSpans().size() == 2);
		SimpleSpan attempt = span(this.workerTracer, "attempt traced");
		assertThat(attempt.getKind()).isEqualTo(Span.Kind.CONSUMER);
		assertThat(attempt.getTraceId()).isEqualTo(http.getTraceId());
		assertThat(attempt.getParentId()).isEqualTo(enqueue.getSpanId());
		assertThat(attempt.getTags()).containsEntry("queue", "traced")
			.containsEntry("task", "ship")
			.containsEntry("task.id", handle.id())
			.containsEntry("task.attempt", "1");
		assertThat(current.get().context().spanId()).as("the handler's current span").isEqualTo(attempt.getSpanId());
		assertThat(span(this.workerTracer, "inner.work").getParentId()).isEqualTo(attempt.getSpanId());
		assertThat(managers.redisCommands().hget("cleo:{traced}:t:" + handle.id(), "headers"))
			.contains("\"traceparent\":\"00-" + http.getTraceId() + "-" + enqueue.getSpanId() + "-01\"");
	}

	@Test
	void everyTaskOfABatchCarriesTheTrace(QueueManagers managers) {
		QueueManager producer = managers.build((builder) -> builder.observationRegistry(this.producerRegistry));
		List<TaskHandle<Object>> handles = Observation.createNotStarted("request", this.producerRegistry)
			.observe(() -> producer.enqueueAll(
					List.of(TaskRequest.of("a", 1, options("batch")), TaskRequest.of("b", 2, options("batch")))));
		SimpleSpan enqueue = span(this.producerTracer, "enqueue batch");
		assertThat(enqueue.getTags()).containsEntry("task", "mixed");
		assertThat(enqueue.getTraceId()).isEqualTo(span(this.producerTracer, "request").getTraceId()).isNotEmpty();
		for (TaskHandle<Object> handle : handles) {
			assertThat(managers.redisCommands().hget("cleo:{batch}:t:" + handle.id(), "headers"))
				.contains(enqueue.getTraceId() + "-" + enqueue.getSpanId());
		}
	}

	@Test
	void failedAttemptIsTheObservationsError(QueueManagers managers) {
		QueueManager manager = managers.build((builder) -> builder.observationRegistry(this.workerRegistry));
		manager.register("break", (task) -> {
			throw new IllegalStateException("out of parcels");
		});
		TaskHandle<Object> handle = Observation.createNotStarted("request", this.workerRegistry)
			.observe(() -> manager.enqueue("break", null, TaskOptions.defaults().queue("failing").maxAttempts(1)));
		manager.startWorkers(WorkerPoolOptions.builder().queue("failing").build());
		await().atMost(Duration.ofSeconds(10)).until(() -> handle.state().orElseThrow() == TaskState.DEAD);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.workerTracer.getSpans().stream().anyMatch((s) -> s.getName().equals("attempt failing")));
		SimpleSpan attempt = span(this.workerTracer, "attempt failing");
		assertThat(attempt.getError()).isInstanceOf(IllegalStateException.class).hasMessage("out of parcels");
		assertThat(attempt.getTraceId()).isEqualTo(span(this.workerTracer, "request").getTraceId()).isNotEmpty();
	}

	@Test
	void registryWithoutTracingObservesButStoresNoHeaders(QueueManagers managers) {
		List<String> started = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStart(Observation.Context context) {
				started.add(context.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		QueueManager manager = managers.build((builder) -> builder.observationRegistry(registry));
		TaskHandle<Object> handle = manager.enqueue("plain", null, TaskOptions.defaults().queue("untraced"));
		assertThat(started).containsExactly("cleo.enqueue");
		assertThat(managers.redisCommands().hkeys("cleo:{untraced}:t:" + handle.id())).doesNotContain("headers");
	}

	@Test
	void defaultManagerStoresNoHeaders(QueueManager manager, QueueManagers managers) {
		TaskHandle<Object> one = manager.enqueue("plain", null, TaskOptions.defaults().queue("untraced"));
		List<TaskHandle<Object>> all = manager
			.enqueueAll(List.of(TaskRequest.of("plain", 1, TaskOptions.defaults().queue("untraced")),
					TaskRequest.of("plain", 2, TaskOptions.defaults().queue("untraced"))));
		for (TaskHandle<Object> handle : List.of(one, all.get(0), all.get(1))) {
			assertThat(managers.redisCommands().hkeys("cleo:{untraced}:t:" + handle.id())).contains("name")
				.doesNotContain("headers");
		}
	}

	private static TaskOptions options(String queue) {
		return TaskOptions.defaults().queue(queue);
	}

	private static SimpleSpan span(SimpleTracer tracer, String name) {
		return tracer.getSpans()
			.stream()
			.filter((span) -> name.equals(span.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span " + name + " in " + tracer.getSpans()));
	}

	/** A registry that traces as Boot's tracing auto-configuration sets one up. */
	private static ObservationRegistry tracing(SimpleTracer tracer) {
		Propagator propagator = new TraceparentPropagator(tracer);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		return registry;
	}

	/** W3C {@code traceparent} only, which is all these tests need. */
	private record TraceparentPropagator(SimpleTracer tracer) implements Propagator {

		@Override
		public List<String> fields() {
			return List.of("traceparent");
		}

		@Override
		public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
			setter.set(carrier, "traceparent", "00-" + context.traceId() + "-" + context.spanId() + "-01");
		}

		@Override
		public <C> Span.Builder extract(C carrier, Getter<C> getter) {
			String value = getter.get(carrier, "traceparent");
			if (value == null) {
				return this.tracer.spanBuilder();
			}
			String[] parts = value.split("-");
			TraceContext parent = this.tracer.traceContextBuilder()
				.traceId(parts[1])
				.spanId(parts[2])
				.sampled(true)
				.build();
			return this.tracer.spanBuilder().setParent(parent);
		}

	}

}
