// Orders HTTP API (payload format 2.0): create and read orders.
const { DynamoDBClient, PutItemCommand, GetItemCommand } = require("@aws-sdk/client-dynamodb");
const db = new DynamoDBClient({});

exports.handler = async (event) => {
  if (event.routeKey === "GET /status") {
    return { statusCode: 200, body: JSON.stringify({ ok: true }) };
  }
  if (event.routeKey === "POST /orders") {
    const order = JSON.parse(event.body);
    const id = `${Date.now()}`;
    await db.send(new PutItemCommand({
      TableName: process.env.TABLE_NAME,
      Item: { pk: { S: id }, items: { SS: order.items } },
    }));
    return { statusCode: 201, body: JSON.stringify({ id }) };
  }
  const found = await db.send(new GetItemCommand({
    TableName: process.env.TABLE_NAME,
    Key: { pk: { S: event.pathParameters.id } },
  }));
  return found.Item
    ? { statusCode: 200, body: JSON.stringify(found.Item) }
    : { statusCode: 404, body: "{}" };
};
