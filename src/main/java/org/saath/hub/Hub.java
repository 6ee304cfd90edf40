package org.saath.hub;

import io.javalin.config.RoutesConfig;

/**
 * The help hub as one thing to wire: its pages ({@link HubController}), the directory API
 * ({@link DirectoryController}) and the web chat ({@link WebChatController}).
 */
public final class Hub {

    private final DirectoryController directory;
    private final HubController pages;
    private final WebChatController chat;

    public Hub(HubParts parts) {
        this.directory = new DirectoryController(parts);
        this.pages = new HubController(parts);
        this.chat = new WebChatController(parts);
    }

    public void addRoutes(RoutesConfig routes) {
        directory.addRoutes(routes);
        pages.addRoutes(routes);
        chat.addRoutes(routes);
    }
}
