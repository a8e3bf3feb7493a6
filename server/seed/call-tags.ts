/**
 * The demo tenant's tag catalogue and the notes agents write. Tag ids are fixed (not drawn from
 * the seed) so that a tag keeps its id, and a supervisor's saved filter keeps working, whatever
 * seed filled the store.
 */

export type DemoTag = { id: string; name: string; notes: readonly string[] };

export const DEMO_TAGS = {
  complaint: {
    id: "64f1c2a97b3e5d0012a8f101",
    name: "Khiếu nại",
    notes: [
      "Khách phản ánh giao hàng trễ 3 ngày, đã xin lỗi và báo bộ phận giao vận.",
      "Khách không hài lòng với thái độ nhân viên lắp đặt, đã chuyển trưởng nhóm xử lý.",
      "Khách khiếu nại bị tính sai phí vận chuyển, đã hoàn lại tiền chênh lệch.",
      "Khách báo nhận thiếu phụ kiện, hẹn giao bổ sung trong 48 giờ.",
    ],
  },
  advice: {
    id: "64f1c2a97b3e5d0012a8f102",
    name: "Tư vấn",
    notes: [
      "Tư vấn chọn máy lọc nước cho gia đình 4 người.",
      "Khách hỏi chương trình trả góp 0%, đã gửi thông tin qua Zalo.",
      "Tư vấn so sánh hai mẫu tủ lạnh inverter, khách sẽ ghé cửa hàng xem thực tế.",
      "Khách hỏi công suất điều hòa cho phòng 20 m², đã tư vấn loại 12.000 BTU.",
    ],
  },
  order: {
    id: "64f1c2a97b3e5d0012a8f103",
    name: "Đơn hàng",
    notes: [
      "Khách đặt 1 máy giặt cửa trước 9 kg, giao vào sáng mai.",
      "Khách hỏi tình trạng đơn hàng, đã báo đơn đang được giao.",
      "Khách đổi địa chỉ giao hàng sang Quận 7, đã cập nhật đơn.",
      "Khách hủy đơn nồi chiên không dầu do đặt trùng.",
    ],
  },
  vip: {
    id: "64f1c2a97b3e5d0012a8f104",
    name: "VIP",
    notes: [
      "Khách hàng thân thiết, ưu tiên xử lý trong ngày.",
      "Khách VIP, đã tặng voucher 500.000 đ cho lần mua sau.",
    ],
  },
  callBack: {
    id: "64f1c2a97b3e5d0012a8f105",
    name: "Gọi lại",
    notes: [
      "Khách đang bận, hẹn gọi lại lúc 15h.",
      "Khách gọi nhỡ, cần gọi lại trong ngày.",
      "Khách yêu cầu gọi lại sau khi kiểm tra hóa đơn.",
    ],
  },
  warranty: {
    id: "64f1c2a97b3e5d0012a8f106",
    name: "Bảo hành",
    notes: [
      "Máy lạnh chảy nước, đã tạo phiếu bảo hành và hẹn kỹ thuật đến kiểm tra.",
      "Tivi mất nguồn, sản phẩm còn hạn bảo hành 8 tháng.",
      "Đã hướng dẫn khách vệ sinh lưới lọc, lỗi đã được khắc phục.",
      "Máy giặt báo lỗi E21, hẹn kỹ thuật viên đến vào thứ Bảy.",
    ],
  },
  returns: {
    id: "64f1c2a97b3e5d0012a8f107",
    name: "Đổi trả",
    notes: [
      "Khách muốn đổi sang màu khác, đã hướng dẫn thủ tục đổi trả trong 7 ngày.",
      "Sản phẩm bị trầy khi nhận hàng, đồng ý đổi sản phẩm mới.",
    ],
  },
  spam: {
    id: "64f1c2a97b3e5d0012a8f108",
    name: "Spam",
    notes: ["Cuộc gọi quảng cáo, không phải khách hàng.", "Khách gọi nhầm số."],
  },
} as const satisfies Record<string, DemoTag>;

export type DemoTagKey = keyof typeof DEMO_TAGS;

export const DEMO_TAG_LIST: readonly DemoTag[] = Object.values(DEMO_TAGS);
