/**
 * Incident priorities. Read-only, as in the REST API: an account's admins define priorities in the
 * web UI; tests put them in the store directly (or let `seedFromGraph` create the ones the data names).
 */
import { paginate, Router } from "../http";
import { renderPriority, type Store } from "../store";

export function addPriorities(router: Router, store: Store): void {
  router.on("GET", "/priorities", (request) =>
    paginate(request, "priorities", [...store.priorities.values()], {
      render: (p) => renderPriority(store, p),
    }),
  );
}
