package dev.portcullis.demo.shop;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.portcullis.admin.AdminAction;
import dev.portcullis.admin.ComputedColumn;
import dev.portcullis.admin.ModelAdmin;

/** Orders, exposed through the typed API: a computed column and an inline list of order lines. */
@Component
class OrderAdmin extends ModelAdmin<CustomerOrder> {

    OrderAdmin() {
        super(CustomerOrder.class);
    }

    @Override
    public String label() {
        return "Order";
    }

    @Override
    public String slug() {
        return "order";
    }

    @Override
    public List<String> listDisplay() {
        return List.of("reference", "customer", "status", "placedAt");
    }

    @Override
    public List<ComputedColumn<CustomerOrder>> computedColumns() {
        return List.of(new ComputedColumn<CustomerOrder>("reference", "Reference",
                order -> order.getId() == null ? "" : String.format("ORD-%06d", order.getId()))
                // The search box finds the reference as shown: "ORD-000062" (or "ord-62") is order 62.
                .searchedBy((term, root, cb) -> REFERENCE.matcher(term).matches()
                        ? cb.equal(root.get("id"), Long.parseLong(term.substring(4))) : null));
    }

    /** A reference as typed into the search box (lower-cased): "ord-" and up to 18 digits. */
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("ord-\\d{1,18}");

    @Override
    public List<String> searchFields() {
        return List.of("customer.name", "customer.email", "note");
    }

    @Override
    public List<String> listFilter() {
        return List.of("status", "placedAt", "customer");
    }

    @Override
    public List<String> ordering() {
        return List.of("-placedAt");
    }

    @Override
    public List<String> inlines() {
        return List.of("lines");
    }

    /** Marks paid orders as shipped; needs the change permission on orders. */
    @Override
    public List<AdminAction<CustomerOrder>> actions() {
        return List.of(new AdminAction<>("mark-shipped", "Mark as shipped", "order:change", orders -> {
            long shipped = orders.stream().filter(order -> order.getStatus() == OrderStatus.PAID)
                    .peek(order -> order.setStatus(OrderStatus.SHIPPED)).count();
            return shipped + " of " + orders.size() + " selected orders marked as shipped (only paid orders ship).";
        }));
    }

    @Override
    public String icon() {
        return "vaadin:cart";
    }

    @Override
    public int menuOrder() {
        return 40;
    }
}
