/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.TaskRequest;
import dev.cleo.queue.TaskSerializer;

import org.springframework.util.function.SingletonSupplier;

/**
 * Runs task calls inline when an {@link InlineTaskCalls} bean asks for it: the payload
 * makes the round trip through the serializer and the worker's reading of it, the real
 * method runs through its bean (with {@link TaskCallGuard}'s pass, as on a worker), and
 * the result makes the round trip back, so a value that could not travel through Redis
 * fails here too.
 */
final class InlineTaskRuns {

	// Looked up once: every call of a task method asks, and applications have none.
	private final Supplier<Optional<InlineTaskCalls>> policy;

	private final Supplier<TaskSerializer> serializer;

	private final Supplier<Map<String, TaskHandler>> handlers;

	private volatile Map<String, TaskHandler> known = Map.of();

	InlineTaskRuns(Supplier<@Nullable InlineTaskCalls> policy, Supplier<TaskSerializer> serializer,
			TaskMethodRegistry registry, Function<String, Object> beans) {
		this.policy = SingletonSupplier.of(() -> Optional.ofNullable(policy.get()));
		this.serializer = serializer;
		this.handlers = () -> registry.handlers(beans);
	}

	boolean applies(TaskMethod task) {
		return this.policy.get().map((calls) -> calls.runsInline(task.id())).orElse(false);
	}

	/**
	 * Run a call at once.
	 * @param task the called task method
	 * @param request what the call would have enqueued
	 * @param maxPayloadSize the largest payload the queue manager takes
	 * @return what the method declares to return
	 */
	@Nullable Object run(TaskMethod task, TaskRequest request, long maxPayloadSize) {
		TaskSerializer serializer = this.serializer.get();
		String payload = TaskRequest.checkPayloadSize(task.id(), serializer.write(request.payload()), maxPayloadSize);
		Object result;
		try {
			TaskHandler handler = handler(task.id());
			result = roundTrip(serializer, handler.handle(new InlineTaskContext(request, payload, serializer)),
					task.resultType());
		}
		catch (Exception ex) {
			if (task.returnKind() == TaskMethod.ReturnKind.FUTURE) {
				return CompletableFuture.failedFuture(ex);
			}
			throw InlineTaskRuns.<RuntimeException>sneakyThrow(ex);
		}
		return switch (task.returnKind()) {
			case VOID -> null;
			case HANDLE -> TaskHandle.completed(result);
			case FUTURE -> CompletableFuture.completedFuture(result);
		};
	}

	private TaskHandler handler(String id) {
		TaskHandler handler = this.known.get(id);
		if (handler == null) {
			// Looked up at the first call of a task, when its bean exists.
			this.known = this.handlers.get();
			handler = this.known.get(id);
		}
		if (handler == null) {
			throw new IllegalStateException("Task '" + id + "' has no handler to run it inline");
		}
		return handler;
	}

	private static @Nullable Object roundTrip(TaskSerializer serializer, @Nullable Object result, Type type) {
		return (result != null && type != void.class && type != Void.class)
				? serializer.read(serializer.write(result), type) : null;
	}

	/** Rethrows what the method threw, checked or not, as calling it directly would. */
	@SuppressWarnings("unchecked")
	private static <E extends Throwable> E sneakyThrow(Throwable failure) throws E {
		throw (E) failure;
	}

}
