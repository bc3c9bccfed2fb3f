/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.orders;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.cleo.queue.TaskHandle;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code @Task} flow over HTTP: {@code POST /orders} answers 202 with the task's id
 * as soon as the order is enqueued (follow it at {@code /api/jobs/{id}?queue=orders});
 * {@code POST /orders/checkout} answers with the receipt once a worker charged the order
 * (Spring MVC waits on the {@link CompletableFuture} without holding a thread). An order
 * outside what {@link OrderCheck} allows answers a 400 problem before anything is
 * enqueued.
 */
@RestController
@RequestMapping("/orders")
public class OrderController {

	private static final Duration CHECKOUT_TIMEOUT = Duration.ofSeconds(30);

	private final OrderService orders;

	/**
	 * Create the controller.
	 * @param orders the order service (its proxy, which enqueues)
	 */
	public OrderController(OrderService orders) {
		this.orders = orders;
	}

	/**
	 * Enqueue an order's fulfilment.
	 * @param order the order
	 * @return 202 with the task id, and whether the order had been posted before; 400 for
	 * an invalid order
	 */
	@PostMapping
	public ResponseEntity<Map<String, Object>> place(@RequestBody Order order) {
		TaskHandle<Void> handle = this.orders.placeOrder(OrderCheck.requireValid(order));
		URI status = URI.create("/api/jobs/" + handle.id() + "?queue=" + handle.queue());
		return ResponseEntity.accepted()
			.location(status)
			.body(Map.of("taskId", handle.id(), "queue", handle.queue(), "duplicate", handle.isDuplicate(), "status",
					status.toString()));
	}

	/**
	 * Charge an order and answer with its receipt.
	 * @param order the order
	 * @return the receipt, once the task completed
	 */
	@PostMapping("/checkout")
	public CompletableFuture<Receipt> checkout(@RequestBody Order order) {
		return this.orders.checkout(OrderCheck.requireValid(order))
			.orTimeout(CHECKOUT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

}
