/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.orders;

import java.math.BigDecimal;

/**
 * One line of an {@link Order}.
 *
 * @param sku the article
 * @param quantity how many
 * @param unitPrice the price of one
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

	BigDecimal total() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
