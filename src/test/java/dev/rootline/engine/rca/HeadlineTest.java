package dev.rootline.engine.rca;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The deepest cause of a multi-line error, per language. */
class HeadlineTest {

    @Test
    void pythonNamesTheLastExceptionOfATraceback() {
        String traceback = """
                Traceback (most recent call last):
                  File "/srv/app/main.py", line 3, in <module>
                    from app.billing import invoices
                ImportError: cannot import name 'invoices' from 'app.billing'
                """;
        assertThat(Headline.of(traceback)).isEqualTo("ImportError: cannot import name 'invoices' from 'app.billing'");
    }

    @Test
    void javaNamesTheLastCausedBy() {
        String trace = """
                org.springframework.beans.factory.BeanCreationException: Error creating bean 'dataSource'
                \tat org.springframework.beans.factory.support.AbstractBeanFactory.getBean(AbstractBeanFactory.java:208)
                Caused by: org.postgresql.util.PSQLException: The connection attempt failed.
                \tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:354)
                Caused by: java.net.UnknownHostException: orders-db
                \t... 42 more
                """;
        assertThat(Headline.of(trace)).isEqualTo("java.net.UnknownHostException: orders-db");
    }

    @Test
    void goNamesThePanicMessage() {
        String panic = """
                goroutine 7 [running]:
                panic: runtime error: invalid memory address or nil pointer dereference
                main.handler(0xc000010000)
                \t/src/main.go:42 +0x1d
                """;
        assertThat(Headline.of(panic))
                .isEqualTo("panic: runtime error: invalid memory address or nil pointer dereference");
    }

    @Test
    void nodeNamesTheErrorLineBeforeItsFrames() {
        String error = """
                /workspace/server.js:12
                    throw new Error('STRIPE_KEY is not set');
                    ^
                Error: STRIPE_KEY is not set
                    at Object.<anonymous> (/workspace/server.js:12:11)
                """;
        assertThat(Headline.of(error)).isEqualTo("Error: STRIPE_KEY is not set");
    }

    @Test
    void aSingleLineIsItsOwnHeadline() {
        assertThat(Headline.of("  worker crashed  ")).isEqualTo("worker crashed");
    }
}
