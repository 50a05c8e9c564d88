package io.warren.broker.management.jmx;

import java.util.List;
import java.util.Map;

/**
 * A queue: {@code io.warren:type=Broker,name=BROKER,vhost=VHOST,component=queues,queue=NAME}. Each attribute
 * read takes a fresh snapshot of the queue's statistics; reading after the queue was deleted, before the MBean
 * goes, fails. Operations act through the engine as a client would, so another connection's exclusive queue is
 * refused ({@code RESOURCE_LOCKED}); they fail with a {@link javax.management.MBeanException} whose message
 * names the queue and the error code.
 */
public interface QueueMXBean {
    /** The largest page {@link #listMessages} returns. */
    int MAX_PAGE_SIZE = 1000;

    String getName();

    String getVirtualHost();

    boolean isDurable();

    boolean isExclusive();

    boolean isAutoDelete();

    /** Declaration arguments, values as text. */
    Map<String, String> getArguments();

    /** Messages waiting for a consumer (delayed ones included). */
    int getReady();

    /** Messages delivered and not yet acknowledged. */
    int getUnacknowledged();

    /** Ready plus unacknowledged. */
    long getMessages();

    /** Body bytes of the ready messages. */
    long getReadyBytes();

    /** Messages (ready or unacknowledged) whose content is paged out to disk, not on the heap. */
    int getPaged();

    int getConsumers();

    /** Messages the queue accepted since the broker started. */
    long getPublished();

    /** Deliveries to consumers and gets, redeliveries included. */
    long getDelivered();

    long getRedelivered();

    long getAcknowledged();

    long getDeadLettered();

    /** Messages expired, rejected or dropped over a limit with no dead-letter exchange. */
    long getDiscarded();

    /** Removes the ready messages; returns how many. */
    int purge() throws Exception;

    /** Deletes the queue with its messages and bindings; returns how many messages it held. */
    int delete() throws Exception;

    /**
     * Moves up to {@code max} messages, oldest first, to {@code targetQueue} in the same virtual host, each
     * unchanged (body, headers, persistence, priority) and acknowledged here only once the target holds it.
     *
     * @return how many were moved
     * @throws Exception NOT_FOUND when the target does not exist (nothing is moved); when the target stops
     *     taking messages midway, an error saying how many were moved
     */
    int moveMessages(String targetQueue, int max) throws Exception;

    /** As {@link #moveMessages(String, int)}, for the messages {@code selector} (JMS syntax) selects. */
    int moveMessages(String targetQueue, String selector, int max) throws Exception;

    /**
     * One page of the messages in the queue, in delivery order (priority, then arrival), unacknowledged ones
     * included and delayed ones not; nothing is removed.
     *
     * @param page     1 for the first page
     * @param pageSize messages a page, 1 to {@value #MAX_PAGE_SIZE}
     */
    List<MessageRow> listMessages(int page, int pageSize) throws Exception;

    /** How many messages (unacknowledged ones included) {@code selector} selects; null or blank: all. */
    int countMessages(String selector) throws Exception;
}
