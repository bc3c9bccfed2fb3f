/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.orders;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import dev.cleo.sample.app.problems.InvalidRequestException;

/**
 * Checks an {@link Order} posted over HTTP before it becomes a task: its id becomes the
 * deduplication key and its customer the group, so both must be names Cleo accepts; the
 * rest is bounded so that no order carries megabytes into Redis. A refusal names the
 * field, never its value.
 */
final class OrderCheck {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private static final int MAX_LINES = 100;

	private static final int MAX_QUANTITY = 10_000;

	private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);

	private OrderCheck() {
	}

	static Order requireValid(Order order) {
		if (order == null) {
			throw new InvalidRequestException("The body must be an order: {id, customerId, email, lines}");
		}
		require(order.id() != null && ID.matcher(order.id()).matches(),
				"id must be 1 to 100 letters, digits, '.', '_' or '-'");
		require(isText(order.customerId(), 100), "customerId must be 1 to 100 characters without control characters");
		require(isText(order.email(), 254) && order.email().indexOf('@') > 0
				&& order.email().chars().noneMatch(Character::isWhitespace),
				"email must be an address of at most 254 characters");
		require(order.lines() != null && !order.lines().isEmpty() && order.lines().size() <= MAX_LINES,
				"lines must hold 1 to " + MAX_LINES + " lines");
		order.lines().forEach(OrderCheck::requireValid);
		return order;
	}

	private static void requireValid(OrderLine line) {
		require(line != null && isText(line.sku(), 100),
				"each line needs a sku of 1 to 100 characters without control characters");
		require(line.quantity() >= 1 && line.quantity() <= MAX_QUANTITY,
				"each line's quantity must be 1 to " + MAX_QUANTITY);
		require(line.unitPrice() != null && line.unitPrice().signum() >= 0 && line.unitPrice().compareTo(MAX_PRICE) <= 0
				&& line.unitPrice().scale() <= 4, "each line's unitPrice must be 0 to 1000000 with at most 4 decimals");
	}

	private static boolean isText(String value, int max) {
		return value != null && !value.isBlank() && value.length() <= max
				&& value.chars().noneMatch(Character::isISOControl);
	}

	private static void require(boolean valid, String message) {
		if (!valid) {
			throw new InvalidRequestException(message);
		}
	}

}
