package dev.cachefn.demo;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;

/** The catalogue over HTTP: {@code /products}. */
@Path("/products")
public class CatalogResource {

  @Inject Catalog catalog;
  @Inject Warehouse warehouse;

  @GET
  @Path("/{id}")
  public Product product(@PathParam("id") long id) {
    return catalog.product(id).orElseThrow(() -> new NotFoundException("no product " + id));
  }

  /** {@code /products?ids=1,2,3}: the products that exist, in the order asked. */
  @GET
  public List<Product> products(@QueryParam("ids") String ids) {
    if (ids == null || ids.isBlank()) {
      throw new BadRequestException("give the products' ids: /products?ids=1,2,3");
    }
    try {
      return catalog.products(Arrays.stream(ids.split(",")).map(String::trim).map(Long::valueOf).toList());
    } catch (NumberFormatException e) {
      throw new BadRequestException("ids must be whole numbers separated by commas; got '" + ids + "'");
    }
  }

  @GET
  @Path("/category/{category}")
  public List<Product> category(@PathParam("category") String category) {
    return catalog.category(category);
  }

  @PUT
  @Path("/{id}")
  public Product save(@PathParam("id") long id, Product product) {
    if (product == null || product.name() == null || product.category() == null || product.price() == null) {
      throw new BadRequestException("a product needs a name, a category and a price");
    }
    return catalog.save(id, product);
  }

  /** Non-blocking: runs on the event loop, and a cached stock level answers without waiting. */
  @GET
  @Path("/{id}/stock")
  public Uni<Stock> stock(@PathParam("id") long id) {
    return warehouse.stock(id);
  }
}
