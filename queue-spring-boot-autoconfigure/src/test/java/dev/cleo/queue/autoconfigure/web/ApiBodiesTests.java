/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Request bodies are measured before they are parsed, and never read far past the limit.
 */
class ApiBodiesTests {

	private final ApiBodies bodies = new ApiBodies(StrictJson.requestMapper(), DataSize.ofKilobytes(64));

	@Test
	void declaredLengthOverTheLimitIsRefusedUnread() {
		StreamingRequest request = new StreamingRequest(20L * 1024 * 1024);
		request.declaredLength = 20L * 1024 * 1024;
		assertThatExceptionOfType(ApiProblems.ApiProblemException.class)
			.isThrownBy(() -> this.bodies.read(request, JobRequest.class))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE))
			.withMessageContaining("65536 bytes (cleo.max-payload-size)")
			.withMessageContaining("this one had 20971520 bytes");
		assertThat(request.read.get()).isZero();
	}

	@Test
	void bodyWithoutALengthIsReadOnlyOneBytePastTheLimit() {
		StreamingRequest request = new StreamingRequest(20L * 1024 * 1024);
		assertThatExceptionOfType(ApiProblems.ApiProblemException.class)
			.isThrownBy(() -> this.bodies.read(request, JobRequest.class))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
		assertThat(request.read.get()).isEqualTo(DataSize.ofKilobytes(64).toBytes() + ApiBodies.ENVELOPE.toBytes() + 1);
	}

	@Test
	void bodyWithinTheLimitIsRead() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setContent("{\"type\":\"t\",\"payload\":[1,2]}".getBytes());
		assertThat(this.bodies.read(request, JobRequest.class).type()).isEqualTo("t");
	}

	/** A request whose body is a stream of spaces, counting what is read. */
	static final class StreamingRequest extends MockHttpServletRequest {

		final AtomicLong read = new AtomicLong();

		private final long size;

		long declaredLength = -1;

		StreamingRequest(long size) {
			this.size = size;
		}

		@Override
		public long getContentLengthLong() {
			return this.declaredLength;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream spaces = new InputStream() {

				@Override
				public int read() {
					return (StreamingRequest.this.read.get() < StreamingRequest.this.size) ? countOne() : -1;
				}

			};
			return new ServletInputStream() {

				@Override
				public int read() throws java.io.IOException {
					return spaces.read();
				}

				@Override
				public boolean isFinished() {
					return StreamingRequest.this.read.get() >= StreamingRequest.this.size;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
				}

			};
		}

		private int countOne() {
			this.read.incrementAndGet();
			return ' ';
		}

	}

}
