import { DataTypes, type Model, type ModelAttributeColumnOptions } from 'sequelize';

/** A TEXT column holding JSON, read and written as the value it encodes. */
export function jsonText(attribute: string, field: string): ModelAttributeColumnOptions {
  return {
    type: DataTypes.TEXT,
    field,
    allowNull: false,
    get(this: Model) {
      return JSON.parse(this.getDataValue(attribute) as string) as unknown;
    },
    set(this: Model, value: unknown) {
      this.setDataValue(attribute, JSON.stringify(value));
    },
  };
}
