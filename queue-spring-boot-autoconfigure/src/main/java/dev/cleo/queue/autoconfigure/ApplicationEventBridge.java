/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.event.EventScope;
import dev.cleo.queue.event.TaskEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes Cleo's {@link TaskEvent}s as Spring application events, so that
 * {@code @EventListener} methods taking a {@code TaskEvent} hear them: this instance's
 * events, on the thread that raised them (keep such a listener quick, or make it
 * {@code @Async}), or every instance's, on a follower thread
 * ({@code cleo.events.application-events}). Runs while the context runs.
 */
final class ApplicationEventBridge implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ApplicationEventBridge.class);

	private final QueueManager manager;

	private final CleoProperties.Events.Scope scope;

	private final ApplicationEventPublisher publisher;

	private AutoCloseable subscription;

	ApplicationEventBridge(QueueManager manager, CleoProperties.Events.Scope scope,
			ApplicationEventPublisher publisher) {
		this.manager = manager;
		this.scope = scope;
		this.publisher = publisher;
	}

	@Override
	public synchronized void start() {
		if (this.subscription == null && this.scope != CleoProperties.Events.Scope.NONE) {
			EventScope scope = (this.scope == CleoProperties.Events.Scope.ALL_INSTANCES) ? EventScope.ALL_INSTANCES
					: EventScope.THIS_INSTANCE;
			this.subscription = this.manager.onTaskEvent(scope, this.publisher::publishEvent);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.subscription != null) {
			try {
				this.subscription.close();
			}
			catch (Exception ex) {
				logger.debug("Could not stop publishing task events: {}", ex.getMessage());
			}
			this.subscription = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.subscription != null;
	}

}
