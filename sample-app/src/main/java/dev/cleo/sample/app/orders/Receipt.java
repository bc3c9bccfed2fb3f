/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.orders;

import java.math.BigDecimal;

/**
 * What charging an {@link Order} produced; the result of the checkout task.
 *
 * @param orderId the order
 * @param customerId the customer
 * @param total the amount charged
 * @param paymentId the payment provider's reference
 * @param chargedAt when, epoch milliseconds
 */
public record Receipt(String orderId, String customerId, BigDecimal total, String paymentId, long chargedAt) {

}
