// Tests a builder object whose methods return this for chaining.
function QueryBuilder(table) {
  this.table = table;
  this.wheres = [];
  this.order = null;
  this.lim = null;
}
QueryBuilder.prototype.where = function (cond) { this.wheres.push(cond); return this; };
QueryBuilder.prototype.orderBy = function (col) { this.order = col; return this; };
QueryBuilder.prototype.limit = function (n) { this.lim = n; return this; };
QueryBuilder.prototype.build = function () {
  var sql = "SELECT * FROM " + this.table;
  if (this.wheres.length) sql += " WHERE " + this.wheres.join(" AND ");
  if (this.order) sql += " ORDER BY " + this.order;
  if (this.lim !== null) sql += " LIMIT " + this.lim;
  return sql;
};
console.log(new QueryBuilder("users").where("age > 18").where("active = 1").orderBy("name").limit(10).build());
console.log(new QueryBuilder("logs").build());
console.log(new QueryBuilder("t").limit(0).build());
