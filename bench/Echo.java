import io.javalin.Javalin;

/**
 * The ceiling for the load benchmark: a bare Javalin 7 POST that reads the body and answers a small JSON, with the
 * same defaults as the service. Run against the shaded jar: {@code java -cp target/saath.jar bench/Echo.java}.
 */
public final class Echo {

    public static void main(String[] args) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/echo", ctx -> ctx.contentType("application/json")
                    .result("{\"ok\":true,\"len\":" + ctx.bodyAsBytes().length + "}"));
        }).start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println("listening on port " + app.port());
    }
}
