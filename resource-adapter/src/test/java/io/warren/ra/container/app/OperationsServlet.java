package io.warren.ra.container.app;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The test's window into the server: {@code /ops/ping}, {@code /ops/send?text=}, {@code /ops/send-context?text=}, {@code /ops/send-audit?text=},
 * {@code /ops/send-rollback?text=}, {@code /ops/deliveries} (one attempt a line), {@code /ops/forbidden}.
 */
@WebServlet("/ops/*")
public class OperationsServlet extends HttpServlet {
    @EJB
    private OrderSender sender;
    @EJB
    private Deliveries deliveries;
    @EJB
    private BeanManagedSender beanManaged;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        String op = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String text = request.getParameter("text");
        try {
            String body = switch (op) {
                case "ping" -> "pong";
                case "send" -> {
                    sender.send(text);
                    yield "sent";
                }
                case "send-audit" -> {
                    sender.sendTo("audit", text);
                    yield "sent";
                }
                case "send-context" -> {
                    sender.sendWithContext(text);
                    yield "sent";
                }
                case "send-rollback" -> {
                    sender.sendThenRollBack(text);
                    yield "rolled back";
                }
                case "send-bmt" -> beanManaged.sendThroughASessionMadeBeforeBegin(text);
                case "client-ids" -> beanManaged.clientIdsOfConnectionsOpenAtOnce();
                case "dups-ok-mode" -> String.valueOf(beanManaged.dupsOkSessionModeOutsideATransaction());
                case "deliveries" -> String.join("\n", deliveries.attempts());
                case "forbidden" -> sender.forbiddenCalls();
                default -> null;
            };
            if (body == null) {
                response.sendError(404, "unknown operation " + op);
                return;
            }
            response.getWriter().print(body);
        } catch (Exception e) {
            response.setStatus(500);
            e.printStackTrace(response.getWriter());
        }
    }
}
