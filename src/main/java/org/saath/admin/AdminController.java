package org.saath.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import org.saath.nlu.LexiconException;
import org.saath.nlu.ModelUnavailableException;
import org.saath.rules.ReloadableRules;
import org.saath.training.PromotedModel;
import org.saath.rules.RuleBook;
import org.saath.rules.RuleBookException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator endpoints, guarded by the admin token from the configuration ({@code admin.token}; when it is empty the
 * endpoints do not exist).
 *
 * <p>{@code curl -s -X POST -H "Authorization: Bearer $SAATH_ADMIN_TOKEN" localhost:8080/admin/reload}
 */
public final class AdminController {

    private static final Logger LOG = LoggerFactory.getLogger(AdminController.class);

    private final ReloadableRules rules;
    private final PromotedModel model;
    private final byte[] token;

    public AdminController(ReloadableRules rules, PromotedModel model, String token) {
        this.rules = rules;
        this.model = model;
        this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post("/admin/reload", this::reload);
    }

    /**
     * Reloads the rule book and the promoted model, each swapped atomically; a bad file answers 422 with the
     * reason and the old rules and model stay in force.
     */
    void reload(Context ctx) {
        authorise(ctx);
        try {
            RuleBook book = rules.reload();
            String version = model.reload();
            LOG.info("reloaded: {} rules, model {}", book.rules().size(), version);
            ctx.json(Map.of("rules", book.rules().size(), "model", version));
        } catch (RuleBookException | ModelUnavailableException | LexiconException e) {
            LOG.warn("reload refused: {}", e.getMessage());
            ctx.status(422).json(Map.of("error", e.getMessage()));
        }
    }

    private void authorise(Context ctx) {
        if (token.length == 0) {
            throw new NotFoundResponse("not found");
        }
        String header = ctx.header("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            throw new UnauthorizedResponse("missing or wrong admin token");
        }
    }
}
