package io.warren.examples;

import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Request/reply: a service listens on a queue and answers to each request's {@code JMSReplyTo}; the client
 * uses {@link QueueRequestor}, which waits on a temporary queue — the reply wakes it, nothing polls.
 */
public final class RequestReply {
    private RequestReply() {
    }

    public static void main(String[] args) throws JMSException {
        WarrenConnectionFactory factory = new WarrenConnectionFactory("vm://rpc");
        try (Connection serviceConnection = factory.createConnection();
             QueueConnection clientConnection = factory.createQueueConnection()) {
            Session service = serviceConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue requests = service.createQueue("uppercase");
            MessageProducer replies = service.createProducer(null);
            service.createConsumer(requests).setMessageListener(request -> {
                try {
                    TextMessage reply = service.createTextMessage(((TextMessage) request).getText().toUpperCase());
                    reply.setJMSCorrelationID(request.getJMSMessageID());
                    replies.send(request.getJMSReplyTo(), reply);
                } catch (JMSException e) {
                    e.printStackTrace();
                }
            });
            serviceConnection.start();

            clientConnection.start();
            QueueSession client = clientConnection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueRequestor requestor = new QueueRequestor(client, client.createQueue("uppercase"));
            for (String word : new String[] {"warren", "rabbit", "burrow"}) {
                long start = System.nanoTime();
                Message answer = requestor.request(client.createTextMessage(word));
                System.out.printf("[request-reply] %s -> %s in %d us%n", word, ((TextMessage) answer).getText(),
                        (System.nanoTime() - start) / 1000);
            }
            requestor.close();
        } finally {
            VmBrokers.stop("rpc");
        }
    }
}
