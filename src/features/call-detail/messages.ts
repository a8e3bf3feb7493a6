/** The drawer's words, in Vietnamese and English. */
import { defineMessages } from "@/lib/i18n/messages.ts";
import type { FieldGroup, FieldKey } from "./lib/call-fields.ts";
import type { LegOutcome, MarkerKind, SegmentKind } from "./lib/leg-lanes.ts";

type Shape = {
  title: string;
  close: string;
  previous: string;
  next: string;
  keyboardHelp: string;
  loading: string;
  /** Nothing of the call could be loaded; `detail` says why (`@/lib/describe-fault.ts`). */
  failed: (detail: string) => string;
  /** A refresh failed while the call loaded before stays on screen. */
  refreshFailed: (detail: string) => string;
  offlineWaiting: string;
  offlineKeeping: string;
  notFound: string;
  retry: string;
  callLoaded: (who: string, when: string) => string;
  unknownCustomer: string;
  panelFailed: string;

  /** What of an answer that drifted from the contract could not be read. */
  drift: {
    callUnreadable: (fields: string) => string;
    rawHeading: string;
    renderFailed: string;
    repaired: (fields: string) => string;
    legsUnreadable: (count: number) => string;
    legUnreadable: (position: number, fields: string) => string;
  };

  summary: {
    heading: string;
    seconds: (seconds: number) => string;
    person: (name: string | null, extension: string) => string;
    group: (group: string) => string;
    voicemailBox: string;
    rangAgents: (count: number, span: string) => string;
    noAgentRung: string;
    missedBreakdown: (parts: string[]) => string;
    outcomeCount: Record<Exclude<LegOutcome, "answered">, (count: number) => string>;
    answeredBy: (who: string, after: string) => string;
    answeredAfter: (after: string) => string;
    voicemail: (after: string) => string;
    voicemailMessage: (length: string) => string;
    forwardedOut: (to: string) => string;
    nobodyAnswered: string;
    dialled: (by: string | null, to: string) => string;
    internalCall: (from: string | null, to: string) => string;
    rang: (length: string) => string;
    calleeAnswered: (after: string) => string;
    notAnswered: (reason: string) => string;
    transferred: (to: string, at: string) => string;
    talked: (length: string) => string;
    lasted: (length: string) => string;
    endedBy: Record<string, string>;
    endedOther: (who: string) => string;
  };
  hangupCauses: Record<string, string>;

  transfers: {
    heading: string;
    entry: (from: string, to: string) => string;
    at: (clock: string, offset: string) => string;
    type: Record<string, string>;
  };

  recording: {
    heading: string;
    none: string;
    loading: string;
    missing: string;
    peaksFailed: string;
    player: string;
    channels: Record<"agent" | "customer", string>;
    position: string;
    positionText: (time: string, total: string) => string;
    play: string;
    pause: string;
    skip: (seconds: number) => string;
    speed: string;
    volume: string;
    mute: string;
    unmute: string;
    download: string;
    copyLink: (time: string) => string;
    linkCopied: (time: string) => string;
    copyManually: string;
    keys: string;
    loadFailed: string;
  };

  timeline: {
    heading: string;
    noLegs: string;
    keys: string;
    axis: string;
    legend: string;
    segments: Record<SegmentKind, string>;
    markers: Record<MarkerKind, string>;
    outcomes: Record<LegOutcome, string>;
    legTypes: Record<string, string>;
    voicemailTarget: (group: string | null) => string;
    groupTarget: (group: string) => string;
    extension: (extension: string) => string;
    noTarget: string;
    entered: string;
    rangAt: string;
    answeredAt: string;
    endedAt: string;
    timeout: (seconds: number) => string;
    anomalies: Record<"ends-before-ringing" | "ends-before-start" | "no-end", string>;
    playTalk: (who: string, from: string, length: string) => string;
    asTable: string;
    column: {
      index: string;
      type: string;
      target: string;
      entered: string;
      wait: string;
      ring: string;
      talk: string;
      outcome: string;
      more: string;
    };
  };

  fields: {
    heading: string;
    groups: Record<FieldGroup | "more", string>;
    moreHint: string;
    labels: Record<FieldKey, string>;
    yes: string;
    no: string;
    seconds: (seconds: number) => string;
    staffEntry: (index: number) => string;
    staffNote: string;
    staffTags: string;
    unsigned: string;
    noAgent: string;
  };
};

export const callDetailMessages = defineMessages<Shape>({
  vi: {
    title: "Chi tiết cuộc gọi",
    close: "Đóng",
    previous: "Cuộc gọi trước",
    next: "Cuộc gọi sau",
    keyboardHelp:
      "Phím tắt: J / K hoặc Alt+↑ / Alt+↓ chuyển cuộc gọi, Esc đóng, Space phát/dừng ghi âm, ← / → tua 5 giây (Shift: 10 giây).",
    loading: "Đang tải cuộc gọi…",
    failed: (detail) => `Không tải được cuộc gọi: ${detail}.`,
    refreshFailed: (detail) =>
      `Không cập nhật được cuộc gọi (${detail}); đang hiển thị dữ liệu đã tải.`,
    offlineWaiting: "Mất kết nối mạng: cuộc gọi sẽ tự tải khi có mạng trở lại.",
    offlineKeeping: "Mất kết nối mạng: đang hiển thị dữ liệu đã tải.",
    notFound: "Không tìm thấy cuộc gọi này.",
    retry: "Thử lại",
    callLoaded: (who, when) => `Đã mở cuộc gọi ${who}, ${when}`,
    unknownCustomer: "Khách hàng không xác định",
    panelFailed: "Không tải được phần này.",

    drift: {
      callUnreadable: (fields) =>
        `Không đọc được cuộc gọi này (trường ${fields}); dưới đây là dữ liệu máy chủ gửi.`,
      rawHeading: "Dữ liệu nhận được",
      renderFailed: "Không hiển thị được cuộc gọi này; dưới đây là dữ liệu máy chủ gửi.",
      repaired: (fields) =>
        `Một số giá trị không đọc được nên để trống hoặc suy ra từ dữ liệu còn lại (trường ${fields}).`,
      legsUnreadable: (count) => `${count} nhánh không đọc được và không có trên biểu đồ.`,
      legUnreadable: (position, fields) =>
        `Nhánh thứ ${position}: không đọc được (trường ${fields})`,
    },

    summary: {
      heading: "Tóm tắt",
      seconds: (seconds) => `${seconds} giây`,
      person: (name, extension) => (name ? `${name} (máy lẻ ${extension})` : `máy lẻ ${extension}`),
      group: (group) => `nhóm ${group}`,
      voicemailBox: "hộp thư thoại",
      rangAgents: (count, span) => `Đổ chuông ${count} nhân viên trong ${span}`,
      noAgentRung: "Không đổ chuông nhân viên nào",
      missedBreakdown: (parts) => `(${parts.join(", ")})`,
      outcomeCount: {
        busy: (count) => `${count} bận`,
        dnd: (count) => `${count} không làm phiền`,
        offline: (count) => `${count} ngoại tuyến`,
        timeout: (count) => `${count} hết thời gian đổ chuông`,
        "not-answered": (count) => `${count} không nghe`,
      },
      answeredBy: (who, after) => `${who} nghe máy sau ${after}`,
      answeredAfter: (after) => `được trả lời sau ${after}`,
      voicemail: (after) => `vào hộp thư thoại sau ${after}`,
      voicemailMessage: (length) => `lời nhắn dài ${length}`,
      forwardedOut: (to) => `chuyển ra số ${to}`,
      nobodyAnswered: "không ai nghe máy",
      dialled: (by, to) => (by ? `${by} gọi ${to}` : `Gọi ${to}`),
      internalCall: (from, to) => (from ? `${from} gọi nội bộ cho ${to}` : `Gọi nội bộ cho ${to}`),
      rang: (length) => `đổ chuông ${length}`,
      calleeAnswered: (after) => `bên nhận nghe máy sau ${after}`,
      notAnswered: (reason) => `không kết nối: ${reason}`,
      transferred: (to, at) => `chuyển cho ${to} lúc ${at}`,
      talked: (length) => `đàm thoại ${length}`,
      lasted: (length) => `kéo dài ${length}`,
      endedBy: {
        end_call_by_customer: "khách hàng gác máy",
        end_call_by_agent: "nhân viên gác máy",
        end_call_by_system: "hệ thống kết thúc cuộc gọi",
      },
      endedOther: (who) => `kết thúc bởi ${who}`,
    },
    hangupCauses: {
      NORMAL_CLEARING: "kết thúc bình thường",
      USER_BUSY: "máy bận",
      NO_USER_RESPONSE: "không phản hồi",
      NO_ANSWER: "không trả lời",
      CALL_REJECTED: "bị từ chối",
      UNALLOCATED_NUMBER: "số không tồn tại",
      NORMAL_TEMPORARY_FAILURE: "lỗi mạng tạm thời",
      ORIGINATOR_CANCEL: "người gọi huỷ",
    },

    transfers: {
      heading: "Chuyển tiếp",
      entry: (from, to) => `${from} → ${to}`,
      at: (clock, offset) => `${clock} (giây ${offset})`,
      type: { blind: "chuyển thẳng", attended: "chuyển có hỏi ý" },
    },

    recording: {
      heading: "Ghi âm",
      none: "Cuộc gọi này không có ghi âm.",
      loading: "Đang tải dạng sóng…",
      missing: "Không tìm thấy tệp ghi âm của cuộc gọi này.",
      peaksFailed: "Không tải được dạng sóng; vẫn có thể nghe ghi âm.",
      player: "Trình phát ghi âm",
      channels: { agent: "Nhân viên", customer: "Khách hàng" },
      position: "Vị trí trong ghi âm",
      positionText: (time, total) => `${time} / ${total}`,
      play: "Phát",
      pause: "Tạm dừng",
      skip: (seconds) => (seconds < 0 ? `Lùi ${-seconds} giây` : `Tới ${seconds} giây`),
      speed: "Tốc độ",
      volume: "Âm lượng",
      mute: "Tắt tiếng",
      unmute: "Bật tiếng",
      download: "Tải xuống",
      copyLink: (time) => `Sao chép liên kết tại ${time}`,
      linkCopied: (time) => `Đã sao chép liên kết tại ${time}.`,
      copyManually: "Sao chép liên kết này:",
      keys: "Space phát/dừng, ← / → tua 5 giây, Shift+← / → tua 10 giây, Home / End về đầu/cuối.",
      loadFailed: "Không phát được ghi âm.",
    },

    timeline: {
      heading: "Diễn biến cuộc gọi",
      noLegs: "Không có thông tin định tuyến cho cuộc gọi này.",
      keys: "Di chuột hoặc dùng phím mũi tên trên biểu đồ để xem chi tiết từng nhánh; bấm vào đoạn đàm thoại để nghe từ thời điểm đó.",
      axis: "Giây tính từ lúc bắt đầu cuộc gọi",
      legend: "Chú thích",
      segments: { wait: "Chờ", ringing: "Đổ chuông", talk: "Đàm thoại" },
      markers: {
        answered: "Nghe máy",
        busy: "Bận",
        dnd: "Không làm phiền",
        offline: "Ngoại tuyến",
        timeout: "Hết thời gian đổ chuông",
      },
      outcomes: {
        answered: "Nghe máy",
        busy: "Bận",
        dnd: "Không làm phiền",
        offline: "Ngoại tuyến",
        timeout: "Hết thời gian đổ chuông",
        "not-answered": "Không nghe",
      },
      legTypes: {
        "criteria-script": "Kịch bản định tuyến",
        "ring-group": "Nhóm đổ chuông",
        queue: "Hàng chờ",
        transfer: "Chuyển tiếp",
        voicemail: "Hộp thư thoại",
        "forward-out": "Chuyển ra ngoài",
        outbound: "Gọi ra",
        agent: "Nội bộ",
        ivr: "IVR",
      },
      voicemailTarget: (group) => (group ? `Hộp thư nhóm ${group}` : "Hộp thư thoại"),
      groupTarget: (group) => `Nhóm ${group}`,
      extension: (extension) => `máy lẻ ${extension}`,
      noTarget: "—",
      entered: "Vào nhánh",
      rangAt: "Đổ chuông",
      answeredAt: "Nghe máy",
      endedAt: "Kết thúc",
      timeout: (seconds) => `Thời gian chờ tối đa ${seconds} giây`,
      anomalies: {
        "ends-before-ringing": "Dữ liệu lạ: nhánh kết thúc trước khi đổ chuông.",
        "ends-before-start": "Dữ liệu lạ: nhánh kết thúc trước khi bắt đầu.",
        "no-end": "Dữ liệu thiếu thời điểm kết thúc nhánh.",
      },
      playTalk: (who, from, length) => `Nghe đoạn đàm thoại với ${who} từ ${from} (${length})`,
      asTable: "Xem dạng bảng",
      column: {
        index: "#",
        type: "Bước",
        target: "Đích",
        entered: "Vào lúc",
        wait: "Chờ",
        ring: "Đổ chuông",
        talk: "Đàm thoại",
        outcome: "Kết quả",
        more: "Khác",
      },
    },

    fields: {
      heading: "Thông tin chi tiết",
      groups: {
        overview: "Tổng quan",
        customer: "Khách hàng",
        agent: "Nhân viên",
        routing: "Định tuyến",
        billing: "Cước",
        hangup: "Kết thúc",
        technical: "Kỹ thuật",
        more: "Thêm",
      },
      moreHint: "Các trường API mới gửi mà trang này chưa biết.",
      labels: {
        transaction_id: "Mã cuộc gọi",
        status: "Kết quả",
        direction: "Hướng gọi",
        time_start_call: "Bắt đầu",
        time_end_call: "Kết thúc",
        duration: "Tổng thời gian",
        note: "Ghi chú",
        tag: "Thẻ",
        is_auto_call: "Cuộc gọi tự động",
        autocall_id: "Mã phiên auto call",
        autocall_uuid: "UUID auto call",
        out_of_working_time: "Ngoài giờ làm việc",
        created_date: "Ngày tạo",
        last_updated_date: "Ngày cập nhật",
        "customer.full_name": "Tên khách hàng",
        "customer.full_name_unsigned": "Tên không dấu",
        phone_number: "Số khách hàng",
        provider: "Nhà mạng",
        sip_user: "Máy lẻ nhân viên",
        user: "Nhân viên liên quan",
        "create_by.name": "Người thực hiện",
        "create_by.type": "Loại người thực hiện",
        "create_by.id": "Mã người thực hiện",
        "create_by.contact_id": "Mã liên hệ",
        "create_by.uuid": "UUID người thực hiện",
        "create_by.avatar": "Ảnh đại diện",
        "create_by.gender": "Giới tính",
        source_number: "Số nguồn",
        destination_number: "Số đích",
        sip_number: "Đầu số",
        hotline: "Hotline",
        from_number: "Số gọi",
        to_number: "Số nhận",
        ivr: "IVR",
        agents_rung: "Số nhân viên được đổ chuông",
        is_transferred: "Đã chuyển tiếp",
        transfer_histories: "Lịch sử chuyển tiếp",
        time_start_to_answer: "Thời điểm trả lời",
        answer_sec: "Thời gian chờ trả lời",
        is_have_forward_out: "Chuyển ra số ngoài",
        internal_destination: "Đích nội bộ",
        is_voicemail: "Vào hộp thư thoại",
        sip_number_tags: "Thẻ đầu số",
        bill_sec: "Thời lượng tính cước",
        call_out_price: "Cước gọi",
        bill_sec_forward_out: "Thời lượng chuyển ra ngoài",
        endby_name: "Bên kết thúc",
        hangup_cause: "Lý do kết thúc",
        hangup_cause_q850: "Mã Q.850",
        sip_hangup_disposition: "Hướng kết thúc SIP",
        invite_failure_status: "Mã lỗi SIP",
        tenant_id: "Mã doanh nghiệp",
        domain_fusion: "Tên miền PBX",
        call_uuid: "Call UUID",
        state: "Trạng thái webhook",
        record_seconds: "Thời lượng ghi âm",
        recording_file: "Tệp ghi âm",
        recording_file_url: "Liên kết ghi âm",
        recording_file_voicemail: "Ghi âm hộp thư thoại",
        recording_data: "Dữ liệu ghi âm",
        user_data_str: "Dữ liệu tích hợp",
        user_ref_code: "Mã tham chiếu",
        send_num_retry: "Số lần gửi lại webhook",
        evaluations: "Đánh giá",
        total_evaluate: "Tổng điểm đánh giá",
        classifies: "Phân loại",
        collect_info_variables: "Thông tin voice bot thu thập",
      },
      yes: "Có",
      no: "Không",
      seconds: (seconds) => `${seconds} giây`,
      staffEntry: (index) => `Người ${index}`,
      staffNote: "ghi chú",
      staffTags: "thẻ",
      unsigned: "không dấu",
      noAgent: "Không xác định được nhân viên",
    },
  },
  en: {
    title: "Call details",
    close: "Close",
    previous: "Previous call",
    next: "Next call",
    keyboardHelp:
      "Shortcuts: J / K or Alt+↑ / Alt+↓ for the next or previous call, Esc closes, Space plays or pauses the recording, ← / → skip 5 s (Shift: 10 s).",
    loading: "Loading the call…",
    failed: (detail) => `Could not load the call: ${detail}.`,
    refreshFailed: (detail) =>
      `Could not refresh the call (${detail}); showing it as it was loaded.`,
    offlineWaiting: "You are offline: the call will load when the connection is back.",
    offlineKeeping: "You are offline: showing the call as it was loaded.",
    notFound: "This call was not found.",
    retry: "Retry",
    callLoaded: (who, when) => `Showing the call with ${who}, ${when}`,
    unknownCustomer: "Unknown customer",
    panelFailed: "This part could not be loaded.",

    drift: {
      callUnreadable: (fields) =>
        `This call could not be read (${fields}); below is what the server sent.`,
      rawHeading: "As received",
      renderFailed: "This call could not be shown; below is what the server sent.",
      repaired: (fields) =>
        `Some values could not be read and are shown empty or worked out from the rest (${fields}).`,
      legsUnreadable: (count) =>
        `${count} ${count === 1 ? "leg" : "legs"} could not be read and ${count === 1 ? "is" : "are"} not on the chart.`,
      legUnreadable: (position, fields) => `Leg ${position}: could not be read (${fields})`,
    },

    summary: {
      heading: "Summary",
      seconds: (seconds) => `${seconds} s`,
      person: (name, extension) => (name ? `${name} (ext ${extension})` : `ext ${extension}`),
      group: (group) => `group ${group}`,
      voicemailBox: "the voicemail box",
      rangAgents: (count, span) => `Rang ${count} ${count === 1 ? "agent" : "agents"} over ${span}`,
      noAgentRung: "No agent was rung",
      missedBreakdown: (parts) => `(${parts.join(", ")})`,
      outcomeCount: {
        busy: (count) => `${count} busy`,
        dnd: (count) => `${count} on do-not-disturb`,
        offline: (count) => `${count} offline`,
        timeout: (count) => `${count} timed out`,
        "not-answered": (count) => `${count} did not pick up`,
      },
      answeredBy: (who, after) => `answered by ${who} after ${after}`,
      answeredAfter: (after) => `answered after ${after}`,
      voicemail: (after) => `went to voicemail after ${after}`,
      voicemailMessage: (length) => `left a ${length} message`,
      forwardedOut: (to) => `forwarded to ${to}`,
      nobodyAnswered: "nobody answered",
      dialled: (by, to) => (by ? `${by} called ${to}` : `Called ${to}`),
      internalCall: (from, to) =>
        from ? `${from} called ${to} internally` : `Internal call to ${to}`,
      rang: (length) => `rang ${length}`,
      calleeAnswered: (after) => `picked up after ${after}`,
      notAnswered: (reason) => `not connected: ${reason}`,
      transferred: (to, at) => `transferred to ${to} at ${at}`,
      talked: (length) => `talked ${length}`,
      lasted: (length) => `lasted ${length}`,
      endedBy: {
        end_call_by_customer: "the customer hung up",
        end_call_by_agent: "the agent hung up",
        end_call_by_system: "the system ended the call",
      },
      endedOther: (who) => `ended by ${who}`,
    },
    hangupCauses: {
      NORMAL_CLEARING: "normal hang-up",
      USER_BUSY: "line busy",
      NO_USER_RESPONSE: "no response",
      NO_ANSWER: "no answer",
      CALL_REJECTED: "rejected",
      UNALLOCATED_NUMBER: "number does not exist",
      NORMAL_TEMPORARY_FAILURE: "temporary network failure",
      ORIGINATOR_CANCEL: "cancelled by the caller",
    },

    transfers: {
      heading: "Transfers",
      entry: (from, to) => `${from} → ${to}`,
      at: (clock, offset) => `${clock} (at ${offset})`,
      type: { blind: "blind", attended: "attended" },
    },

    recording: {
      heading: "Recording",
      none: "This call has no recording.",
      loading: "Loading the waveform…",
      missing: "The recording file of this call was not found.",
      peaksFailed: "The waveform could not be loaded; the recording can still be played.",
      player: "Recording player",
      channels: { agent: "Agent", customer: "Customer" },
      position: "Position in the recording",
      positionText: (time, total) => `${time} of ${total}`,
      play: "Play",
      pause: "Pause",
      skip: (seconds) => (seconds < 0 ? `Back ${-seconds} seconds` : `Forward ${seconds} seconds`),
      speed: "Speed",
      volume: "Volume",
      mute: "Mute",
      unmute: "Unmute",
      download: "Download",
      copyLink: (time) => `Copy link at ${time}`,
      linkCopied: (time) => `Link at ${time} copied.`,
      copyManually: "Copy this link:",
      keys: "Space plays or pauses, ← / → skip 5 s, Shift+← / → skip 10 s, Home / End go to the start or end.",
      loadFailed: "The recording could not be played.",
    },

    timeline: {
      heading: "Leg timeline",
      noLegs: "There is no routing information for this call.",
      keys: "Hover, or use the arrow keys on the chart, for each leg's details; click a talk segment to listen from that moment.",
      axis: "Seconds from the call's start",
      legend: "Legend",
      segments: { wait: "Wait", ringing: "Ringing", talk: "Talk" },
      markers: {
        answered: "Answered",
        busy: "Busy",
        dnd: "Do not disturb",
        offline: "Offline",
        timeout: "Timed out",
      },
      outcomes: {
        answered: "Answered",
        busy: "Busy",
        dnd: "Do not disturb",
        offline: "Offline",
        timeout: "Timed out",
        "not-answered": "Not answered",
      },
      legTypes: {
        "criteria-script": "Routing script",
        "ring-group": "Ring group",
        queue: "Queue",
        transfer: "Transfer",
        voicemail: "Voicemail",
        "forward-out": "Forward out",
        outbound: "Outbound",
        agent: "Internal",
        ivr: "IVR",
      },
      voicemailTarget: (group) => (group ? `Voicemail of group ${group}` : "Voicemail"),
      groupTarget: (group) => `Group ${group}`,
      extension: (extension) => `ext ${extension}`,
      noTarget: "—",
      entered: "Entered",
      rangAt: "Rang",
      answeredAt: "Answered",
      endedAt: "Ended",
      timeout: (seconds) => `Ring timeout ${seconds} s`,
      anomalies: {
        "ends-before-ringing": "Odd data: the leg ended before it rang.",
        "ends-before-start": "Odd data: the leg ended before it began.",
        "no-end": "The leg has no end time.",
      },
      playTalk: (who, from, length) => `Play the talk with ${who} from ${from} (${length})`,
      asTable: "Show as a table",
      column: {
        index: "#",
        type: "Step",
        target: "Target",
        entered: "Entered",
        wait: "Wait",
        ring: "Ringing",
        talk: "Talk",
        outcome: "Outcome",
        more: "More",
      },
    },

    fields: {
      heading: "Details",
      groups: {
        overview: "Overview",
        customer: "Customer",
        agent: "Agent",
        routing: "Routing",
        billing: "Billing",
        hangup: "Hang-up",
        technical: "Technical",
        more: "More",
      },
      moreHint: "Fields the API sends that this page does not know yet.",
      labels: {
        transaction_id: "Transaction ID",
        status: "Outcome",
        direction: "Direction",
        time_start_call: "Started",
        time_end_call: "Ended",
        duration: "Total duration",
        note: "Note",
        tag: "Tags",
        is_auto_call: "Auto call",
        autocall_id: "Auto-call session ID",
        autocall_uuid: "Auto-call UUID",
        out_of_working_time: "Outside business hours",
        created_date: "Created",
        last_updated_date: "Last updated",
        "customer.full_name": "Customer name",
        "customer.full_name_unsigned": "Name without diacritics",
        phone_number: "Customer number",
        provider: "Carrier",
        sip_user: "Agent extension",
        user: "Staff involved",
        "create_by.name": "Made by",
        "create_by.type": "Maker type",
        "create_by.id": "Maker ID",
        "create_by.contact_id": "Contact ID",
        "create_by.uuid": "Maker UUID",
        "create_by.avatar": "Avatar",
        "create_by.gender": "Gender",
        source_number: "Source number",
        destination_number: "Destination number",
        sip_number: "Hotline number",
        hotline: "Hotline",
        from_number: "From number",
        to_number: "To number",
        ivr: "IVR",
        agents_rung: "Agents rung",
        is_transferred: "Transferred",
        transfer_histories: "Transfer history",
        time_start_to_answer: "Answered at",
        answer_sec: "Time to answer",
        is_have_forward_out: "Forwarded to an outside number",
        internal_destination: "Internal destination",
        is_voicemail: "Went to voicemail",
        sip_number_tags: "Hotline tags",
        bill_sec: "Billed talk time",
        call_out_price: "Charge",
        bill_sec_forward_out: "Forward-out billed time",
        endby_name: "Ended by",
        hangup_cause: "Hangup cause",
        hangup_cause_q850: "Q.850 code",
        sip_hangup_disposition: "SIP hangup disposition",
        invite_failure_status: "SIP failure status",
        tenant_id: "Tenant ID",
        domain_fusion: "PBX domain",
        call_uuid: "Call UUID",
        state: "Webhook state",
        record_seconds: "Recording length",
        recording_file: "Recording file",
        recording_file_url: "Recording URL",
        recording_file_voicemail: "Voicemail recording",
        recording_data: "Recording data",
        user_data_str: "Integration data",
        user_ref_code: "Reference code",
        send_num_retry: "Webhook retries",
        evaluations: "Evaluations",
        total_evaluate: "Total evaluation",
        classifies: "Classification",
        collect_info_variables: "Collected by the voice bot",
      },
      yes: "Yes",
      no: "No",
      seconds: (seconds) => `${seconds} s`,
      staffEntry: (index) => `Person ${index}`,
      staffNote: "note",
      staffTags: "tags",
      unsigned: "unsigned",
      noAgent: "No agent identified",
    },
  },
});
