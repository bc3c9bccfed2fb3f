/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.WriteAccess;
import dev.cleo.queue.event.EventSubscription;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/events}: a {@code text/event-stream} of the events of every instance,
 * for the application's queues (or those named), read from the queues' event streams
 * ({@code TaskEventStreams}). Each event's SSE id is its cursor, so a client that
 * reconnects with {@code Last-Event-ID} goes on after the last event it got; a
 * {@code gap} event says how many stream entries it missed when the stream was trimmed
 * past its place. At most {@link #MAX_STREAMS} streams are open at once (further ones are
 * answered 503), and each closes after {@link #STREAM_TIMEOUT} (clients reconnect).
 */
@RestController
@RequestMapping("${cleo.web.api.base-path:/api}/events")
public class EventsController implements SmartLifecycle {

	/** The most event streams open at once on this instance. */
	public static final int MAX_STREAMS = 16;

	/** How long one stream stays open before the client is asked to reconnect. */
	public static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private static final Set<String> PARAMETERS = ApiParameters.names("queue", "types");

	private static final List<String> TYPES = Arrays.stream(ObserverEvent.values())
		.map((type) -> type.name().toLowerCase(Locale.ROOT))
		.toList();

	private final QueueManager manager;

	private final ApiQueues queues;

	private final WriteAccess writes;

	private final AtomicInteger open = new AtomicInteger();

	/** The streams open now, completed when the application stops. */
	private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	EventsController(QueueManager manager, ApiQueues queues, WriteAccess writes) {
		this.manager = manager;
		this.queues = queues;
		this.writes = writes;
	}

	/**
	 * Follow the queues' events.
	 * @param http the request: {@code queue} (one or more, comma separated or repeated;
	 * default every queue of the application), {@code types} (event types, lower case;
	 * default all), header {@code Last-Event-ID} (the id of the last event received)
	 * @return the event stream
	 */
	@GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public SseEmitter events(HttpServletRequest http) {
		ApiParameters parameters = ApiParameters.of(http, PARAMETERS, Set.of("queue", "types"));
		List<String> followed = queues(parameters);
		ObserverEvent[] types = parameters.choices("types", TYPES)
			.stream()
			.map((type) -> ObserverEvent.valueOf(type.toUpperCase(Locale.ROOT)))
			.toArray(ObserverEvent[]::new);
		String lastEventId = http.getHeader("Last-Event-ID");
		if (lastEventId != null && (lastEventId.isEmpty() || lastEventId.length() > ApiParameters.MAX_CURSOR_LENGTH)) {
			throw ApiParameters.invalid("Last-Event-ID", "must be the id of an event this stream sent");
		}
		if (!this.manager.history().isEnabled()) {
			throw ApiProblems.conflict("History is off",
					"Events of every instance are read from the event streams history writes: turn it on with "
							+ "cleo.history.enabled=true");
		}
		if (this.open.incrementAndGet() > MAX_STREAMS) {
			this.open.decrementAndGet();
			throw new ApiProblems.ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Too many event streams",
					"At most " + MAX_STREAMS + " event streams may be open at once on this instance; try again later");
		}
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		AtomicReference<EventSubscription> subscription = new AtomicReference<>();
		Runnable close = () -> {
			EventSubscription held = subscription.getAndSet(null);
			if (held != null) {
				held.close();
				this.open.decrementAndGet();
			}
			this.emitters.remove(emitter);
		};
		emitter.onCompletion(close);
		emitter.onTimeout(close);
		emitter.onError((error) -> close.run());
		try {
			subscription.set(
					this.manager.events().follow(followed, lastEventId, (event) -> send(emitter, event, close), types));
		}
		catch (InvalidTaskOptionException ex) {
			this.open.decrementAndGet();
			throw ApiParameters.invalid("Last-Event-ID", "must be the id of an event this stream sent");
		}
		catch (RuntimeException ex) {
			this.open.decrementAndGet();
			throw ex;
		}
		this.emitters.add(emitter);
		try {
			// Sent at once, so that the client has the response's headers before the
			// first
			// event, and knows how soon to reconnect.
			emitter.send(SseEmitter.event().comment("following").reconnectTime(1_000));
		}
		catch (IOException ex) {
			close.run();
		}
		return emitter;
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Complete every open stream, before the web server's graceful shutdown (which runs
	 * at a lower phase) would wait for them as for any request still running.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.emitters.forEach(SseEmitter::complete);
		this.emitters.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private List<String> queues(ApiParameters parameters) {
		List<String> given = parameters.all("queue");
		if (given.isEmpty()) {
			return new ArrayList<>(this.queues.names());
		}
		List<String> checked = new ArrayList<>();
		for (String queue : given) {
			checked.add(this.queues.check(queue, this.writes.isCallerAuthorised()));
		}
		return checked;
	}

	private static void send(SseEmitter emitter, TaskEvent event, Runnable close) {
		try {
			SseEmitter.SseEventBuilder sse = SseEmitter.event()
				.name(event.type().name().toLowerCase(Locale.ROOT))
				.data(view(event), MediaType.APPLICATION_JSON);
			if (event.cursor() != null) {
				sse.id(event.cursor());
			}
			emitter.send(sse);
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away: stop following for it
			close.run();
		}
	}

	private static Map<String, Object> view(TaskEvent event) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("type", event.type().name().toLowerCase(Locale.ROOT));
		view.put("queue", event.queue());
		view.put("jobId", event.taskId());
		view.put("taskName", event.taskName());
		view.put("attempt", event.attempt());
		view.put("at", event.at().toString());
		view.put("detail", event.detail());
		view.put("durationMs", (event.duration() != null) ? event.duration().toMillis() : null);
		view.put("group", event.group());
		view.put("worker", event.worker());
		return view;
	}

}
