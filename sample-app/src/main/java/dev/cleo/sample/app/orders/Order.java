/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.orders;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order, the argument of the order tasks; Jackson writes it into the task's payload
 * and reads it back as this type on the worker.
 *
 * @param id the order id, the deduplication key
 * @param customerId the customer, the group: one customer's orders run one at a time, in
 * order
 * @param email where the confirmation goes
 * @param lines what was ordered
 */
public record Order(String id, String customerId, String email, List<OrderLine> lines) {

	BigDecimal total() {
		return this.lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
