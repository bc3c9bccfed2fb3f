/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.notifications;

import dev.cleo.queue.TaskPriority;
import dev.cleo.queue.annotation.DefaultOptions;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.RetryBackoff;
import dev.cleo.queue.annotation.Task;
import dev.cleo.sample.tasks.Email;
import dev.cleo.sample.tasks.Mailer;

import org.springframework.stereotype.Service;

/**
 * Shows {@code @QueueClass}: every public method is a task on the {@code notifications}
 * queue, so a call returns as soon as Redis stored it and a worker on any instance sends
 * the e-mail later. The class's {@code defaultOptions} apply to both methods (over
 * {@code cleo.queues.notifications.*} in {@code application.yml}); {@code @Task} on
 * {@link #sendPasswordReset} overrides some of them for that method only.
 */
@Service
@QueueClass(queue = "notifications", defaultOptions = @DefaultOptions(retries = 4,
		backoff = @RetryBackoff(type = RetryBackoff.Type.EXPONENTIAL, delay = "500ms", maxDelay = "30s")))
public class NotificationService {

	private final Mailer mailer;

	/**
	 * Create the service.
	 * @param mailer what sends the e-mails
	 */
	public NotificationService(Mailer mailer) {
		this.mailer = mailer;
	}

	/**
	 * Send an e-mail, on a worker (task id {@code NotificationService.sendEmail}).
	 * @param email the e-mail
	 */
	public void sendEmail(Email email) {
		this.mailer.send(email);
	}

	/**
	 * Send a password-reset e-mail: high priority, so it overtakes waiting newsletters,
	 * and useless after 15 minutes, so it expires instead of arriving late.
	 * @param email the e-mail
	 */
	@Task(id = "password-reset", priority = TaskPriority.HIGH, ttl = "15m")
	public void sendPasswordReset(Email email) {
		this.mailer.send(email);
	}

}
