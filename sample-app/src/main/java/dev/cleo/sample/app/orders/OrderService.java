/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.orders;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.Texts;
import dev.cleo.queue.annotation.Task;
import dev.cleo.sample.app.notifications.NotificationService;
import dev.cleo.sample.tasks.Email;

import org.springframework.stereotype.Service;

/**
 * Shows {@code @Task} on single methods, with a group and a deduplication key written in
 * SpEL over the arguments: one customer's orders run one at a time and in order
 * ({@code group = "#order.customerId"}), while different customers' orders run side by
 * side; posting the same order twice creates one task ({@code dedupeKey}). The two return
 * types that give the caller something back: a {@link TaskHandle} (id, status, cancel)
 * and a {@link CompletableFuture} completed with the worker's result, on whichever
 * instance ran it.
 */
@Service
public class OrderService {

	private static final Logger logger = LoggerFactory.getLogger(OrderService.class);

	private final NotificationService notifications;

	/**
	 * Create the service.
	 * @param notifications where confirmations go (itself a task service)
	 */
	public OrderService(NotificationService notifications) {
		this.notifications = notifications;
	}

	/**
	 * Fulfil an order: reserve the stock and send the confirmation. The caller gets the
	 * task's handle at once; the confirmation is a task of its own, enqueued from this
	 * one.
	 * @param order the order
	 * @return the handle of the enqueued task (the real method, run by a worker, returns
	 * {@code null})
	 */
	@Task(id = "place-order", queue = "orders", group = "#order.customerId", dedupeKey = "#order.id")
	public TaskHandle<Void> placeOrder(Order order) {
		logger.info("Reserved {} line(s) of order {} for customer {}", order.lines().size(), Texts.quote(order.id()),
				Texts.quote(order.customerId()));
		this.notifications.sendEmail(new Email(order.email(), "Order " + order.id() + " confirmed",
				"Thank you! Your order of " + order.total() + " is on its way."));
		return null;
	}

	/**
	 * Charge an order and answer with the receipt, once a worker has charged it.
	 * @param order the order
	 * @return the receipt, when the task completed
	 */
	@Task(id = "checkout-order", queue = "orders", group = "#order.customerId", dedupeKey = "'checkout:' + #order.id")
	public CompletableFuture<Receipt> checkout(Order order) {
		Receipt receipt = new Receipt(order.id(), order.customerId(), order.total(), "pay-" + UUID.randomUUID(),
				System.currentTimeMillis());
		logger.info("Charged order {}: {}", Texts.quote(order.id()), receipt.total());
		return CompletableFuture.completedFuture(receipt);
	}

}
